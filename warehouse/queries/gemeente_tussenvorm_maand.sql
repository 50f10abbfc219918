-- Stand per month x tussenvorm, summed over the allowed gemeenten and the selection (the Gemeente
-- page's stacked bars), so the page does not fetch a row per gemeente x tussenvorm x leveringsvorm
-- only to add them up.
select c.maand, c.tussenvorm, cast(sum(c.actief) as bigint) as actief
from marts.clienten_maand as c
where list_contains($gemeenten::varchar[], c.gemeente_code)
  and c.maand between $van::date and $tot::date
  and (len($tussenvormen::varchar[]) = 0 or list_contains($tussenvormen::varchar[], c.tussenvorm))
  and (len($leveringsvormen::varchar[]) = 0 or list_contains($leveringsvormen::varchar[], c.leveringsvorm))
group by c.maand, c.tussenvorm
order by c.maand, c.tussenvorm
