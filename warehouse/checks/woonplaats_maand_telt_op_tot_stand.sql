-- Every client of the stand is in marts.woonplaats_maand once (unknown verblijf included):
-- per month and gemeente van herkomst its rows add up to the stand of marts.clienten_maand.
with woonplaats as (
    select maand, gemeente_code, sum(actief) as actief
    from marts.woonplaats_maand
    group by all
),

stand as (
    select maand, gemeente_code, sum(actief) as actief
    from marts.clienten_maand
    group by all
)

select coalesce(w.maand, s.maand) as maand, coalesce(w.gemeente_code, s.gemeente_code) as gemeente_code,
       w.actief as woonplaats, s.actief as stand
from woonplaats as w
full outer join stand as s on s.maand = w.maand and s.gemeente_code = w.gemeente_code
where w.actief is distinct from s.actief
