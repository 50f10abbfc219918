-- Region totals per year (sums over all municipalities of the region): a comparison only,
-- never a breakdown by gemeente.
select k.jaar,
       cast(sum(k.actief_einde) as bigint) as actief_einde, cast(sum(k.instroom) as bigint) as instroom,
       cast(sum(k.nieuwe_clienten) as bigint) as nieuwe_clienten, cast(sum(k.uitstroom) as bigint) as uitstroom,
       cast(sum(k.uitstroom_wlz) as bigint) as uitstroom_wlz, cast(sum(k.kosten_eur) as double) as kosten_eur,
       cast(sum(k.inwoners) as bigint) as inwoners
from marts.kengetallen_jaar as k
where k.gemeente_code in (select gemeente_code from marts.gemeenten)
group by k.jaar
order by k.jaar
