-- Doorstroom between tussenvormen per month x gemeente.
select d.maand, d.gemeente_code, d.van_tussenvorm, d.naar_tussenvorm,
       cast(d.aantal as bigint) as aantal
from marts.doorstroom_maand as d
where list_contains($gemeenten::varchar[], d.gemeente_code)
  and d.maand between $van::date and $tot::date
order by d.maand, d.gemeente_code
