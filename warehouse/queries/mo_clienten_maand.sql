-- MO stand per month x gemeente x opvangvorm x leveringsvorm, within the allowed gemeenten.
select c.maand, c.gemeente_code, g.gemeente_naam, c.opvangvorm, c.leveringsvorm,
       cast(c.actief as bigint) as actief
from marts.mo_clienten_maand as c
left join marts.gemeenten as g using (gemeente_code)
where list_contains($gemeenten::varchar[], c.gemeente_code)
  and c.maand between $van::date and $tot::date
order by c.maand, c.gemeente_code, c.opvangvorm, c.leveringsvorm
