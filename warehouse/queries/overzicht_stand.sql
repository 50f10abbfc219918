-- The Overzicht's stand, one query for the page: per allowed gemeente x leveringsvorm at the end
-- of two months ($van: the same month a year earlier, $tot: the analysis month; `nu` marks $tot),
-- with the tussenvorm filter. The KPI cards (with and without the leveringsvorm filter, for the
-- PGB share), the municipalities side by side, the subregio's and the comparison with the region
-- all add these rows up (dashboard/visuals/overzicht.py), instead of six queries of one sum each.
select c.maand = $tot::date as nu, c.gemeente_code, c.leveringsvorm, cast(sum(c.actief) as bigint) as actief
from marts.clienten_maand as c
where list_contains($gemeenten::varchar[], c.gemeente_code)
  and c.maand in ($van::date, $tot::date)
  and (len($tussenvormen::varchar[]) = 0 or list_contains($tussenvormen::varchar[], c.tussenvorm))
group by c.maand, c.gemeente_code, c.leveringsvorm
order by c.maand, c.gemeente_code, c.leveringsvorm
