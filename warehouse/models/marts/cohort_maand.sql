-- Overgangscliënten and nieuwe cliënten per month from the transition date's month to the
-- peildatum's month (none when the region has no transition date, or it lies after the
-- peildatum): the stand (primary-indication rule, gemeente of the primary indication) and the
-- realised BW client costs (ZIN by month of service, PGB spent) per gemeente and cohort.
-- A client's cohort in a month is that of its latest episode begun by the month's last day
-- (intermediate.cohort_episodes). Costs of a client without such an episode (a PGB row or a
-- declaration before any BW care began) have no cohort and are left out here; they stay in
-- marts.kosten_maand.
with maanden as (
    select * from intermediate.maanden
),

overgang as (
    select * from staging.regio_overgang
),

stand as (
    select * from intermediate.stand_maand
),

episodes as (
    select * from intermediate.cohort_episodes
),

declaratie_kosten as (
    select * from intermediate.declaratie_kosten_maand
),

indicaties as (
    select * from staging.indicaties
),

pgb as (
    select * from staging.pgb
),

cohort_maanden as (
    select maanden.maand, maanden.standdag
    from maanden
    cross join overgang
    where maanden.maand >= date_trunc('month', overgang.overgangsdatum)
),

stand_per_cohort as (
    select stand.maand, stand.gemeente_code, episodes.cohort, count(*) as actief
    from stand
    inner join cohort_maanden on cohort_maanden.maand = stand.maand
    inner join episodes
        on episodes.clientnummer = stand.clientnummer
        and episodes.begindatum <= stand.standdag
        and (episodes.einddatum is null or episodes.einddatum >= stand.standdag)
    group by all
),

kostenregels as (
    -- regel: one key per cost line and month, so equal amounts are never taken for one line
    select 'ZIN ' || declaratie_kosten.regelnummer as regel, declaratie_kosten.maand,
           declaratie_kosten.gemeente_code, indicaties.clientnummer, declaratie_kosten.kosten_eur
    from declaratie_kosten
    inner join indicaties on indicaties.toewijzingnummer = declaratie_kosten.toewijzingnummer
    where declaratie_kosten.is_bw
    union all
    select 'PGB ' || clientnummer as regel, maand_datum as maand, gemeente_code, clientnummer,
           besteed_eur as kosten_eur
    from pgb
),

kosten_met_cohort as (
    select kostenregels.*, episodes.cohort
    from kostenregels
    inner join cohort_maanden on cohort_maanden.maand = kostenregels.maand
    inner join episodes
        on episodes.clientnummer = kostenregels.clientnummer
        and episodes.begindatum <= last_day(kostenregels.maand)
    qualify row_number() over (
        partition by kostenregels.regel, kostenregels.maand
        order by episodes.begindatum desc
    ) = 1
),

kosten_per_cohort as (
    select maand, gemeente_code, cohort, sum(kosten_eur) as kosten_eur
    from kosten_met_cohort
    where cohort is not null
    group by all
),

final as (
    select
        coalesce(s.maand, k.maand) as maand,
        coalesce(s.gemeente_code, k.gemeente_code) as gemeente_code,
        coalesce(s.cohort, k.cohort) as cohort,
        coalesce(s.actief, 0) as actief,
        cast(coalesce(k.kosten_eur, 0) as decimal(18, 2)) as kosten_eur
    from stand_per_cohort as s
    full outer join kosten_per_cohort as k
        on k.maand = s.maand and k.gemeente_code = s.gemeente_code and k.cohort = s.cohort
    where coalesce(s.cohort, k.cohort) is not null
)

select * from final
