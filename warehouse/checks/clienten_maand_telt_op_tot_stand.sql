-- Per doelgroep and month, clienten_maand (BW) and mo_clienten_maand (MO) add up to the number
-- of distinct clients with an active indication of the group on the standdag, counted straight
-- from the indications (no primary rule), so a client counted twice or lost by the
-- primary-indication timeline shows up here.
with stand_direct as (
    select indicaties.doelgroep, maanden.maand, count(distinct indicaties.clientnummer) as clienten
    from intermediate.maanden as maanden
    inner join intermediate.doelgroep_indicaties as indicaties
        on indicaties.ingangsdatum <= maanden.standdag
        and (indicaties.einddatum is null or indicaties.einddatum >= maanden.standdag)
    group by indicaties.doelgroep, maanden.maand
),

mart as (
    select 'BW' as doelgroep, maand, sum(actief) as actief
    from marts.clienten_maand
    group by maand
    union all
    select 'MO', maand, sum(actief)
    from marts.mo_clienten_maand
    group by maand
)

select
    coalesce(stand_direct.doelgroep, mart.doelgroep) as doelgroep,
    coalesce(stand_direct.maand, mart.maand) as maand,
    coalesce(stand_direct.clienten, 0) as clienten,
    coalesce(mart.actief, 0) as actief
from stand_direct
full outer join mart on mart.maand = stand_direct.maand and mart.doelgroep = stand_direct.doelgroep
where coalesce(stand_direct.clienten, 0) <> coalesce(mart.actief, 0)
