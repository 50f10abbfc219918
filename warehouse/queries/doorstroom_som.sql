-- Doorstroom between tussenvormen, summed over the allowed gemeenten and the period: one row
-- per (van, naar), in the order of the names (the page orders them by tussenvorm after).
select d.van_tussenvorm, d.naar_tussenvorm, cast(coalesce(sum(d.aantal), 0) as bigint) as aantal
from marts.doorstroom_maand as d
where list_contains($gemeenten::varchar[], d.gemeente_code)
  and d.maand between $van::date and $tot::date
  and d.van_tussenvorm is not null
  and d.naar_tussenvorm is not null
group by d.van_tussenvorm, d.naar_tussenvorm
order by d.van_tussenvorm, d.naar_tussenvorm
