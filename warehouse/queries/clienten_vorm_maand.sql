-- Stand per month x tussenvorm x leveringsvorm summed over the allowed gemeenten and the
-- selection (no row per gemeente): the Cliënten page's two stacked charts and the share of the
-- lighter forms all add up these rows, a few hundred instead of one per gemeente as well.
select c.maand, c.tussenvorm, c.leveringsvorm, cast(sum(c.actief) as bigint) as actief
from marts.clienten_maand as c
where list_contains($gemeenten::varchar[], c.gemeente_code)
  and c.maand between $van::date and $tot::date
  and (len($tussenvormen::varchar[]) = 0 or list_contains($tussenvormen::varchar[], c.tussenvorm))
  and (len($leveringsvormen::varchar[]) = 0 or list_contains($leveringsvormen::varchar[], c.leveringsvorm))
group by c.maand, c.tussenvorm, c.leveringsvorm
order by c.maand, c.tussenvorm, c.leveringsvorm
