-- The Gemeente page's key figures per year in one query (its four indicators share it): the
-- gemeente's ($gemeenten: its one allowed code; suffix _g) beside the region's totals (suffix _r:
-- sums over all municipalities of the region, a comparison, never a breakdown by gemeente; the
-- sums of warehouse/queries/regio_kengetallen_jaar.sql).
with regio as (
    select k.jaar,
           cast(sum(k.actief_einde) as bigint) as actief_einde, cast(sum(k.instroom) as bigint) as instroom,
           cast(sum(k.uitstroom_wlz) as bigint) as uitstroom_wlz, cast(sum(k.kosten_eur) as double) as kosten_eur,
           cast(sum(k.inwoners) as bigint) as inwoners
    from marts.kengetallen_jaar as k
    where k.gemeente_code in (select gemeente_code from marts.gemeenten)
    group by k.jaar
)

select k.jaar,
       cast(k.actief_einde as bigint) as actief_einde_g, cast(k.instroom as bigint) as instroom_g,
       cast(k.uitstroom_wlz as bigint) as uitstroom_wlz_g, cast(k.kosten_eur as double) as kosten_eur_g,
       cast(k.inwoners as bigint) as inwoners_g,
       r.actief_einde as actief_einde_r, r.instroom as instroom_r, r.uitstroom_wlz as uitstroom_wlz_r,
       r.kosten_eur as kosten_eur_r, r.inwoners as inwoners_r
from marts.kengetallen_jaar as k
inner join regio as r using (jaar)
where list_contains($gemeenten::varchar[], k.gemeente_code)
order by k.jaar, k.gemeente_code
