-- Stand per month summed over the allowed gemeenten and the selection (no row per gemeente,
-- tussenvorm or leveringsvorm): the Overzicht's trend line.
select c.maand, cast(sum(c.actief) as bigint) as actief
from marts.clienten_maand as c
where list_contains($gemeenten::varchar[], c.gemeente_code)
  and c.maand between $van::date and $tot::date
  and (len($tussenvormen::varchar[]) = 0 or list_contains($tussenvormen::varchar[], c.tussenvorm))
  and (len($leveringsvormen::varchar[]) = 0 or list_contains($leveringsvormen::varchar[], c.leveringsvorm))
group by c.maand
order by c.maand
