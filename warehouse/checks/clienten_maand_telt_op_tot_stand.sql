-- Per month, clienten_maand adds up to the number of distinct clients with an active BW
-- indication on the standdag, counted straight from the indications (no primary rule), so a
-- client counted twice or lost by the primary-indication timeline shows up here.
with stand_direct as (
    select maanden.maand, count(distinct indicaties.clientnummer) as clienten
    from intermediate.maanden as maanden
    inner join intermediate.bw_indicaties as indicaties
        on indicaties.ingangsdatum <= maanden.standdag
        and (indicaties.einddatum is null or indicaties.einddatum >= maanden.standdag)
    group by maanden.maand
),

mart as (
    select maand, sum(actief) as actief
    from marts.clienten_maand
    group by maand
)

select
    coalesce(stand_direct.maand, mart.maand) as maand,
    coalesce(stand_direct.clienten, 0) as clienten,
    coalesce(mart.actief, 0) as actief
from stand_direct
full outer join mart on mart.maand = stand_direct.maand
where coalesce(stand_direct.clienten, 0) <> coalesce(mart.actief, 0)
