-- Key figures per year x gemeente.
select k.jaar, k.gemeente_code, g.gemeente_naam,
       cast(k.actief_einde as bigint) as actief_einde, cast(k.instroom as bigint) as instroom,
       cast(k.nieuwe_clienten as bigint) as nieuwe_clienten, cast(k.uitstroom as bigint) as uitstroom,
       cast(k.uitstroom_wlz as bigint) as uitstroom_wlz, cast(k.kosten_eur as double) as kosten_eur,
       cast(k.inwoners as bigint) as inwoners
from marts.kengetallen_jaar as k
left join marts.gemeenten as g using (gemeente_code)
where list_contains($gemeenten::varchar[], k.gemeente_code)
order by k.jaar, k.gemeente_code
