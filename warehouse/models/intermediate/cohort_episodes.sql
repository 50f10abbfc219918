-- Every BW episode with its cohort relative to the region's transition date T
-- (staging.regio_overgang; no rows when the region has not set one):
--   overgangscliënt: the episode runs on T (it starts on or before T and ends on or after it),
--     or ended in the 365 days before T (einddatum >= T - 365: the same 365-day look-back as
--     the nieuwe-cliënt rule, so a client who returns on T is judged alike either way), or it
--     starts after T as a continuation (BW in the 365 days before its start) of such a chain;
--   nieuwe cliënt: the episode starts after T with no BW in the 365 days before (the VNG
--     definition, episodes.is_nieuwe_client), or continues a chain that began so after T;
--   null: the episode ended more than 365 days before T (it never reaches T's months).
-- A chain is the run of episodes from a client's latest nieuwe-cliënt instroom on: its start
-- decides the cohort (on or before T: overgang, after T: nieuw).
with episodes as (
    select * from intermediate.episodes
),

overgang as (
    select * from staging.regio_overgang
),

met_keten as (
    select
        episodes.*,
        overgang.overgangsdatum,
        max(case when episodes.is_nieuwe_client then episodes.begindatum end) over (
            partition by episodes.clientnummer order by episodes.begindatum
            rows unbounded preceding
        ) as keten_begin
    from episodes
    cross join overgang
),

final as (
    select
        clientnummer,
        episode_nr,
        begindatum,
        einddatum,
        gemeente_begin,
        overgangsdatum,
        case
            when begindatum <= overgangsdatum
                and (einddatum is null or einddatum >= overgangsdatum - 365) then 'overgangscliënt'
            when begindatum > overgangsdatum and keten_begin > overgangsdatum then 'nieuwe cliënt'
            when begindatum > overgangsdatum then 'overgangscliënt'
        end as cohort
    from met_keten
)

select * from final
