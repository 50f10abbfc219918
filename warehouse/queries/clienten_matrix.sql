-- Stand per allowed gemeente x tussenvorm summed over the selection; asked for one month (the
-- Cliënten page's gemeente x tussenvorm matrix, without a row per leveringsvorm to add up; the
-- names come from the region's municipalities the data layer holds already).
select c.gemeente_code, c.tussenvorm, cast(sum(c.actief) as bigint) as actief
from marts.clienten_maand as c
where list_contains($gemeenten::varchar[], c.gemeente_code)
  and c.maand between $van::date and $tot::date
  and (len($tussenvormen::varchar[]) = 0 or list_contains($tussenvormen::varchar[], c.tussenvorm))
  and (len($leveringsvormen::varchar[]) = 0 or list_contains($leveringsvormen::varchar[], c.leveringsvorm))
group by c.gemeente_code, c.tussenvorm
order by c.gemeente_code, c.tussenvorm
