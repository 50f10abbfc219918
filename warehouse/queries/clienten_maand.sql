-- Stand per month x gemeente x tussenvorm x leveringsvorm, within the allowed gemeenten.
select c.maand, c.gemeente_code, g.gemeente_naam, c.tussenvorm, c.leveringsvorm,
       cast(c.actief as bigint) as actief
from marts.clienten_maand as c
left join marts.gemeenten as g using (gemeente_code)
where list_contains($gemeenten::varchar[], c.gemeente_code)
  and c.maand between $van::date and $tot::date
  and (len($tussenvormen::varchar[]) = 0 or list_contains($tussenvormen::varchar[], c.tussenvorm))
  and (len($leveringsvormen::varchar[]) = 0 or list_contains($leveringsvormen::varchar[], c.leveringsvorm))
order by c.maand, c.gemeente_code, c.tussenvorm, c.leveringsvorm
