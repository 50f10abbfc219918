-- Toegekend declaration lines spread over the months of their period, in proportion to days.
-- Every month but the last gets round(bedrag * days / total_days, 2); the last month gets the
-- rest, so a line's pieces add up to the cent. Rounding is half away from zero, done in whole
-- cents with integer arithmetic so that no floating point decides a cent.
-- The gemeente is that of the toewijzing the line declares, the doelgroep (BW, MO) too; lines
-- whose toewijzing is unknown (or in neither group) keep a null doelgroep and are left out of
-- the costs downstream (listed in marts.datakwaliteit).
with declaraties as (
    select * from staging.declaraties
),

indicaties as (
    select * from intermediate.indicaties_met_tussenvorm
),

toegekend as (
    select *
    from declaraties
    where status = 'Toegekend'
),

per_maand as (
    -- most lines lie within one month; only the others are unnested into their months
    select
        regelnummer,
        toewijzingnummer,
        periode_begin,
        periode_eind,
        bedrag_eur,
        cast(date_trunc('month', periode_begin) as date) as maand
    from toegekend
    where date_trunc('month', periode_begin) >= date_trunc('month', periode_eind)
    union all
    select
        regelnummer,
        toewijzingnummer,
        periode_begin,
        periode_eind,
        bedrag_eur,
        cast(unnest(generate_series(
            date_trunc('month', periode_begin), date_trunc('month', periode_eind), interval 1 month
        )) as date) as maand
    from toegekend
    where date_trunc('month', periode_begin) < date_trunc('month', periode_eind)
),

met_dagen as (
    select
        *,
        least(periode_eind, last_day(maand)) - greatest(periode_begin, maand) + 1 as dagen,
        greatest(periode_eind - periode_begin + 1, 1) as totaal_dagen,
        cast(bedrag_eur * 100 as bigint) as bedrag_centen,
        maand >= date_trunc('month', periode_eind) as is_laatste_maand
    from per_maand
),

afgerond as (
    -- bigint is wide enough: cents (< 1e12) x days (< 1e4) x 2
    select
        *,
        case
            when is_laatste_maand then cast(0 as bigint)
            else sign(bedrag_centen)
                * ((abs(bedrag_centen) * dagen * 2 + totaal_dagen) // (2 * totaal_dagen))
        end as deel_centen
    from met_dagen
),

eerdere_delen as (
    select regelnummer, sum(deel_centen) as centen
    from afgerond
    where not is_laatste_maand
    group by regelnummer
),

verdeeld as (
    select
        afgerond.*,
        case
            when afgerond.is_laatste_maand
                then afgerond.bedrag_centen - coalesce(eerdere_delen.centen, 0)
            else afgerond.deel_centen
        end as centen
    from afgerond
    left join eerdere_delen
        on eerdere_delen.regelnummer = afgerond.regelnummer and afgerond.is_laatste_maand
),

final as (
    select
        verdeeld.regelnummer,
        verdeeld.toewijzingnummer,
        verdeeld.maand,
        verdeeld.dagen,
        cast(cast(verdeeld.centen as decimal(18, 0)) * 0.01 as decimal(18, 2)) as kosten_eur,
        indicaties.gemeente_code,
        indicaties.tussenvorm,
        indicaties.toewijzingnummer is not null as toewijzing_bekend,
        indicaties.doelgroep,
        coalesce(indicaties.is_bw, false) as is_bw,
        coalesce(indicaties.is_mo, false) as is_mo,
        'ZIN' as leveringsvorm
    from verdeeld
    left join indicaties on indicaties.toewijzingnummer = verdeeld.toewijzingnummer
)

select * from final
