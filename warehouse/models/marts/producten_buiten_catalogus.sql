-- Product codes on indications that the catalogue does not know. Category 15 still counts as
-- BW (tussenvorm 'Onbekend'); other categories are left out of BW: both need a catalogue fix.
with indicaties as (
    select * from intermediate.indicaties_met_tussenvorm
),

final as (
    select
        productcode,
        productcategorie,
        count(*) as indicaties,
        count(distinct clientnummer) as clienten,
        bool_or(is_bw) as telt_als_bw
    from indicaties
    where not in_catalogus
    group by productcode, productcategorie
)

select * from final
