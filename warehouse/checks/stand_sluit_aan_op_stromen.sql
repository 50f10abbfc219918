-- For the region: stand(m) = stand(m-1) + instroom(m) - uitstroom(m) in every month of the
-- calendar (the month before the first is 0). Flows that do not explain the stand lose trust.
with stand as (
    select maanden.maand, coalesce(sum(clienten_maand.actief), 0) as stand
    from intermediate.maanden as maanden
    left join marts.clienten_maand as clienten_maand on clienten_maand.maand = maanden.maand
    group by maanden.maand
),

stromen as (
    select maand, sum(instroom) as instroom, sum(uitstroom) as uitstroom
    from marts.stromen_maand
    group by maand
),

balans as (
    select
        stand.maand,
        lag(stand.stand, 1, 0) over (order by stand.maand) as stand_vorige_maand,
        coalesce(stromen.instroom, 0) as instroom,
        coalesce(stromen.uitstroom, 0) as uitstroom,
        stand.stand
    from stand
    left join stromen on stromen.maand = stand.maand
)

select *
from balans
where stand <> stand_vorige_maand + instroom - uitstroom
