-- Overgangscliënten and nieuwe cliënten per month x gemeente (allowed gemeenten only).
select c.maand, c.gemeente_code, g.gemeente_naam, c.cohort, cast(c.actief as bigint) as actief,
       cast(c.kosten_eur as double) as kosten_eur
from marts.cohort_maand as c
left join marts.gemeenten as g using (gemeente_code)
where list_contains($gemeenten::varchar[], c.gemeente_code)
  and c.maand between $van::date and $tot::date
order by c.maand, c.gemeente_code, c.cohort
