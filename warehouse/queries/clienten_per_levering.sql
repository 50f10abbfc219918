-- Stand summed per leveringsvorm over the allowed gemeenten and the selection; asked for one
-- month (the stand at its end: the KPI cards, the PGB share, the flow bridge), so a page does
-- not fetch a row per gemeente x tussenvorm only to add them up.
select c.leveringsvorm, cast(sum(c.actief) as bigint) as actief
from marts.clienten_maand as c
where list_contains($gemeenten::varchar[], c.gemeente_code)
  and c.maand between $van::date and $tot::date
  and (len($tussenvormen::varchar[]) = 0 or list_contains($tussenvormen::varchar[], c.tussenvorm))
  and (len($leveringsvormen::varchar[]) = 0 or list_contains($leveringsvormen::varchar[], c.leveringsvorm))
group by c.leveringsvorm
order by c.leveringsvorm
