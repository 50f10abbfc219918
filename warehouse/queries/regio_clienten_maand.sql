-- Region stand per month x tussenvorm x leveringsvorm: sums over all municipalities of the
-- region, for comparison only. Never a row per gemeente.
select c.maand, c.tussenvorm, c.leveringsvorm, cast(sum(c.actief) as bigint) as actief
from marts.clienten_maand as c
where c.gemeente_code in (select gemeente_code from marts.gemeenten)
  and c.maand between $van::date and $tot::date
  and (len($tussenvormen::varchar[]) = 0 or list_contains($tussenvormen::varchar[], c.tussenvorm))
  and (len($leveringsvormen::varchar[]) = 0 or list_contains($leveringsvormen::varchar[], c.leveringsvorm))
group by c.maand, c.tussenvorm, c.leveringsvorm
order by c.maand, c.tussenvorm, c.leveringsvorm
