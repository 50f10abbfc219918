-- MO in- and outflow per month x gemeente.
select s.maand, s.gemeente_code, g.gemeente_naam,
       cast(s.instroom as bigint) as instroom,
       cast(s.nieuwe_clienten as bigint) as nieuwe_clienten,
       cast(s.uitstroom as bigint) as uitstroom
from marts.mo_stromen_maand as s
left join marts.gemeenten as g using (gemeente_code)
where list_contains($gemeenten::varchar[], s.gemeente_code)
  and s.maand between $van::date and $tot::date
order by s.maand, s.gemeente_code
