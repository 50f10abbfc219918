-- For the region, per doelgroep (BW: clienten_maand and stromen_maand; MO: mo_clienten_maand
-- and mo_stromen_maand): stand(m) = stand(m-1) + instroom(m) - uitstroom(m) in every month of
-- the calendar (the month before the first is 0). Flows that do not explain the stand lose trust.
with standen as (
    select 'BW' as doelgroep, maand, actief from marts.clienten_maand
    union all
    select 'MO', maand, actief from marts.mo_clienten_maand
),

alle_stromen as (
    select 'BW' as doelgroep, maand, instroom, uitstroom from marts.stromen_maand
    union all
    select 'MO', maand, instroom, uitstroom from marts.mo_stromen_maand
),

stand as (
    select doelgroepen.doelgroep, maanden.maand, coalesce(sum(standen.actief), 0) as stand
    from intermediate.maanden as maanden
    cross join (values ('BW'), ('MO')) as doelgroepen (doelgroep)
    left join standen on standen.maand = maanden.maand and standen.doelgroep = doelgroepen.doelgroep
    group by doelgroepen.doelgroep, maanden.maand
),

stromen as (
    select doelgroep, maand, sum(instroom) as instroom, sum(uitstroom) as uitstroom
    from alle_stromen
    group by doelgroep, maand
),

balans as (
    select
        stand.doelgroep,
        stand.maand,
        lag(stand.stand, 1, 0) over (partition by stand.doelgroep order by stand.maand)
            as stand_vorige_maand,
        coalesce(stromen.instroom, 0) as instroom,
        coalesce(stromen.uitstroom, 0) as uitstroom,
        stand.stand
    from stand
    left join stromen on stromen.maand = stand.maand and stromen.doelgroep = stand.doelgroep
)

select *
from balans
where stand <> stand_vorige_maand + instroom - uitstroom
