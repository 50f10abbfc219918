-- Per doelgroep (BW, MO) and client, the intervals in which the primary indication is constant.
-- BW and MO are separate timelines: a client in both at once has a primary indication in each.
-- Built from breakpoints (every ingangsdatum and every einddatum + 1), not day by day: between
-- two breakpoints the set of active indications cannot change. Primary = the first tussenvorm of
-- its doelgroep (BW: heaviest; MO: Opvang before Spoedopvang), then latest ingangsdatum, then
-- highest toewijzingnummer (numerically when the tied numbers all are numbers, else as text).
-- einddatum null = open.
with indicaties as (
    select * from intermediate.doelgroep_indicaties
),

breekpunten as (
    select doelgroep, clientnummer, ingangsdatum as dag from indicaties
    union
    select doelgroep, clientnummer, einddatum + 1 as dag from indicaties where einddatum is not null
),

segmenten as (
    select
        doelgroep,
        clientnummer,
        dag as segment_begin,
        lead(dag) over (partition by doelgroep, clientnummer order by dag) - 1 as segment_eind
    from breekpunten
),

actieve_indicaties as (
    -- the set is constant within a segment, so testing the first day is enough
    select
        segmenten.segment_begin,
        segmenten.segment_eind,
        indicaties.*
    from segmenten
    inner join indicaties
        on indicaties.doelgroep = segmenten.doelgroep
        and indicaties.clientnummer = segmenten.clientnummer
        and indicaties.ingangsdatum <= segmenten.segment_begin
        and (indicaties.einddatum is null or indicaties.einddatum >= segmenten.segment_begin)
),

gelijke_stand as (
    select
        *,
        bool_and(toewijzing_is_getal) over (
            partition by doelgroep, clientnummer, segment_begin, tussenvorm_rang, ingangsdatum
        ) as gelijken_zijn_getallen
    from actieve_indicaties
),

primair_per_segment as (
    select *
    from gelijke_stand
    qualify row_number() over (
        partition by doelgroep, clientnummer, segment_begin
        order by
            tussenvorm_rang,
            ingangsdatum desc,
            case when gelijken_zijn_getallen then toewijzing_getal end desc,
            toewijzingnummer desc
    ) = 1
),

eilanden as (
    -- consecutive segments with the same primary indication become one interval
    select
        *,
        sum(nieuw_interval) over (
            partition by doelgroep, clientnummer order by segment_begin rows unbounded preceding
        ) as interval_nr
    from (
        select
            *,
            case
                when lag(toewijzingnummer) over w = toewijzingnummer
                    and lag(segment_eind) over w + 1 = segment_begin then 0
                else 1
            end as nieuw_interval
        from primair_per_segment
        window w as (partition by doelgroep, clientnummer order by segment_begin)
    )
),

final as (
    select
        doelgroep,
        clientnummer,
        min(segment_begin) as begindatum,
        case when count(segment_eind) = count(*) then max(segment_eind) end as einddatum,
        any_value(toewijzingnummer) as toewijzingnummer,
        any_value(gemeente_code) as gemeente_code,
        any_value(tussenvorm) as tussenvorm,
        any_value(tussenvorm_rang) as tussenvorm_rang,
        any_value(leveringsvorm) as leveringsvorm,
        any_value(productcode) as productcode,
        any_value(ingangsdatum) as indicatie_ingangsdatum,
        any_value(einddatum) as indicatie_einddatum,
        arg_max_null(reden_beeindiging, segment_begin) as reden_beeindiging
    from eilanden
    group by doelgroep, clientnummer, interval_nr
)

select * from final
