-- Uitstroom naar de Wlz per month x gemeente from 2021 (the Wlz opened to ggz), for cumulative totals.
select s.maand, s.gemeente_code, cast(s.uitstroom_wlz as bigint) as uitstroom_wlz
from marts.stromen_maand as s
where list_contains($gemeenten::varchar[], s.gemeente_code)
  and s.maand between date '2021-01-01' and $tot::date
order by s.maand
