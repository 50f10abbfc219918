-- MO client costs per year x gemeente: realised and forecast apart.
select k.jaar, k.gemeente_code, cast(k.gerealiseerd_eur as double) as gerealiseerd_eur,
       cast(k.prognose_eur as double) as prognose_eur
from marts.mo_kosten_jaar as k
where list_contains($gemeenten::varchar[], k.gemeente_code)
order by k.jaar, k.gemeente_code
