-- The monitor's settings: choices of the region, not facts of a delivery, kept in one place.
--   doelgroep_overgang_dagen: an episode in one doelgroep (BW, MO) that ends, followed within
--   this many days by an episode in the other, is a shift between the groups
--   (marts.doelgroep_overgangen_maand). 30 days, as the regiovisie proposes (004, par. 13.1).
with final as (
    select
        30 as doelgroep_overgang_dagen
)

select * from final
