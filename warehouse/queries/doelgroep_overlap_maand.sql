-- Clients in the BW and the MO stand on the same day, per month x gemeente.
select o.maand, o.gemeente_code, cast(o.aantal as bigint) as aantal
from marts.doelgroep_overlap_maand as o
where list_contains($gemeenten::varchar[], o.gemeente_code)
  and o.maand between $van::date and $tot::date
order by o.maand, o.gemeente_code
