-- ZIN forecast for the peildatum's year, per doelgroep (BW, MO: one rule for both). Providers
-- declare weeks after the care, so for each ZIN indication of either group active in the year,
-- the days in
--   [max(ingangsdatum, 1 January), min(einddatum or 31 December, 31 December)]
-- not covered by any toegekend declaration line of that toewijzing are valued at a day rate:
-- the tarief when eenheid = '14' (etmaal), else the toewijzing's average toegekend amount per
-- covered day (all its lines, all years), else 0 (listed in marts.datakwaliteit).
-- Covered days are the union of line periods (gaps and islands), never a per-day expansion.
-- Committed care counts too: a toewijzing in the snapshot (so granted by the peildatum) that
-- starts after the peildatum but within the year is forecast from its ingangsdatum. It is in no
-- stand and no instroom before it starts (those read intermediate.doelgroep_indicaties, started
-- only).
with indicaties as (
    select * from intermediate.indicaties_met_tussenvorm
    where doelgroep is not null
),

declaraties as (
    select * from staging.declaraties
),

meta as (
    select * from staging.meta
),

peiljaar as (
    select
        year(peildatum) as jaar,
        make_date(year(peildatum), 1, 1) as jaar_begin,
        make_date(year(peildatum), 12, 31) as jaar_eind
    from meta
),

vensters as (
    select
        indicaties.doelgroep,
        indicaties.toewijzingnummer,
        indicaties.gemeente_code,
        indicaties.tarief,
        indicaties.eenheid,
        peiljaar.jaar,
        greatest(indicaties.ingangsdatum, peiljaar.jaar_begin) as venster_begin,
        least(coalesce(indicaties.einddatum, peiljaar.jaar_eind), peiljaar.jaar_eind) as venster_eind
    from indicaties
    cross join peiljaar
    where indicaties.leveringsvorm = 'ZIN'
),

actieve_vensters as (
    select * from vensters where venster_begin <= venster_eind
),

toegekende_regels as (
    select toewijzingnummer, periode_begin, periode_eind, bedrag_eur
    from declaraties
    where status = 'Toegekend'
),

perioden as (
    -- two scopes: the lines clipped to the forecast window, and all lines (for the average)
    select
        'venster' as scope,
        actieve_vensters.toewijzingnummer,
        greatest(toegekende_regels.periode_begin, actieve_vensters.venster_begin) as begin_dag,
        least(toegekende_regels.periode_eind, actieve_vensters.venster_eind) as eind_dag
    from actieve_vensters
    inner join toegekende_regels on toegekende_regels.toewijzingnummer = actieve_vensters.toewijzingnummer
    where toegekende_regels.periode_begin <= actieve_vensters.venster_eind
        and toegekende_regels.periode_eind >= actieve_vensters.venster_begin
    union all
    select
        'alles' as scope,
        toegekende_regels.toewijzingnummer,
        toegekende_regels.periode_begin,
        toegekende_regels.periode_eind
    from toegekende_regels
    -- only toewijzingen valued at their average need all their lines
    semi join actieve_vensters
        on actieve_vensters.toewijzingnummer = toegekende_regels.toewijzingnummer
        and (actieve_vensters.eenheid is distinct from '14' or actieve_vensters.tarief is null)
),

unieke_perioden as (
    -- a period declared twice (a line, its credit and its correction) covers its days once; and
    -- without ties in (begin_dag, eind_dag) the two window passes below see the rows in the same
    -- order, so a repeated period can never start a second island (it did: an island counted
    -- twice made the uncovered days, and so the forecast, negative)
    select distinct scope, toewijzingnummer, begin_dag, eind_dag
    from perioden
),

met_vorig_eind as (
    select
        *,
        max(eind_dag) over (
            partition by scope, toewijzingnummer
            order by begin_dag, eind_dag
            rows between unbounded preceding and 1 preceding
        ) as vorig_max_eind
    from unieke_perioden
),

eilanden as (
    select
        *,
        sum(case when vorig_max_eind is null or begin_dag > vorig_max_eind then 1 else 0 end) over (
            partition by scope, toewijzingnummer
            order by begin_dag, eind_dag
            rows unbounded preceding
        ) as eiland_nr
    from met_vorig_eind
),

eiland_dagen as (
    select scope, toewijzingnummer, max(eind_dag) - min(begin_dag) + 1 as dagen
    from eilanden
    group by scope, toewijzingnummer, eiland_nr
),

gedekte_dagen as (
    select
        toewijzingnummer,
        coalesce(sum(dagen) filter (where scope = 'venster'), 0) as gedekt_in_venster,
        coalesce(sum(dagen) filter (where scope = 'alles'), 0) as gedekt_totaal
    from eiland_dagen
    group by toewijzingnummer
),

toegekend_totaal as (
    select toewijzingnummer, sum(bedrag_eur) as toegekend_eur
    from toegekende_regels
    group by toewijzingnummer
),

gewaardeerd as (
    select
        actieve_vensters.*,
        actieve_vensters.venster_eind - actieve_vensters.venster_begin + 1
            - coalesce(gedekte_dagen.gedekt_in_venster, 0) as ongedekte_dagen,
        coalesce(gedekte_dagen.gedekt_totaal, 0) as gedekte_dagen_totaal,
        coalesce(toegekend_totaal.toegekend_eur, 0) as toegekend_eur,
        case
            when actieve_vensters.eenheid = '14' and actieve_vensters.tarief is not null then 'tarief etmaal'
            when coalesce(gedekte_dagen.gedekt_totaal, 0) > 0 then 'gemiddeld gedeclareerd per dag'
            else 'geen dagtarief'
        end as waardering
    from actieve_vensters
    left join gedekte_dagen on gedekte_dagen.toewijzingnummer = actieve_vensters.toewijzingnummer
    left join toegekend_totaal on toegekend_totaal.toewijzingnummer = actieve_vensters.toewijzingnummer
),

final as (
    select
        doelgroep,
        jaar,
        toewijzingnummer,
        gemeente_code,
        'ZIN' as leveringsvorm,
        venster_begin,
        venster_eind,
        ongedekte_dagen,
        waardering,
        case waardering
            when 'tarief etmaal' then cast(tarief as decimal(18, 4))
            when 'gemiddeld gedeclareerd per dag'
                then cast(toegekend_eur / gedekte_dagen_totaal as decimal(18, 4))
            else cast(0 as decimal(18, 4))
        end as dagtarief_eur,
        -- days x rate, rounded to the cent half away from zero; the average rate stays an exact
        -- fraction (amount / covered days) until this one rounding
        cast(case waardering
            when 'tarief etmaal' then round(cast(tarief as decimal(18, 4)) * ongedekte_dagen, 2)
            when 'gemiddeld gedeclareerd per dag' then
                cast(
                    sign(toegekend_eur) * (
                        (abs(cast(toegekend_eur * 100 as hugeint)) * ongedekte_dagen * 2 + gedekte_dagen_totaal)
                        // (2 * gedekte_dagen_totaal)
                    ) as decimal(18, 0)
                ) * 0.01
            else 0
        end as decimal(18, 2)) as prognose_eur
    from gewaardeerd
)

select * from final
