-- Realised MO client costs per month x gemeente.
select k.maand, k.gemeente_code, g.gemeente_naam, cast(k.kosten_eur as double) as kosten_eur
from marts.mo_kosten_maand as k
left join marts.gemeenten as g using (gemeente_code)
where list_contains($gemeenten::varchar[], k.gemeente_code)
  and k.maand between $van::date and $tot::date
order by k.maand, k.gemeente_code
