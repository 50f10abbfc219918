-- From the transition date's month on, every client of the stand has a cohort: per month and
-- gemeente the cohorts of marts.cohort_maand add up to the stand of marts.clienten_maand.
with cohort as (
    select maand, gemeente_code, sum(actief) as actief
    from marts.cohort_maand
    group by all
),

stand as (
    select maand, gemeente_code, sum(actief) as actief
    from marts.clienten_maand
    where maand in (select maand from marts.cohort_maand)
    group by all
)

select coalesce(c.maand, s.maand) as maand, coalesce(c.gemeente_code, s.gemeente_code) as gemeente_code,
       c.actief as cohorten, s.actief as stand
from cohort as c
full outer join stand as s on s.maand = c.maand and s.gemeente_code = c.gemeente_code
where coalesce(c.actief, 0) <> coalesce(s.actief, 0)
