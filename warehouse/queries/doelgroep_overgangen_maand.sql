-- Shifts between MO and BW per month x gemeente x direction.
select o.maand, o.gemeente_code, o.richting, cast(o.aantal as bigint) as aantal
from marts.doelgroep_overgangen_maand as o
where list_contains($gemeenten::varchar[], o.gemeente_code)
  and o.maand between $van::date and $tot::date
order by o.maand, o.gemeente_code, o.richting
