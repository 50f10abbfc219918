-- A client's care episodes per doelgroep (BW, MO; counted apart): indications of the group merged
-- while the next starts on or before the day after the previous end. The primary-indication
-- timeline covers exactly the days with an active indication of the group, so an episode is a
-- run of contiguous timeline intervals.
--   gemeente at start = primary on the first day (instroom), at end = primary on the last day
--   (uitstroom); the reason is that of the primary indication on the last day: every indication
--   active on an episode's last day ends that day (else the episode would go on).
--   nieuwe_client: no indication of the group active in the 365 days before the start, i.e. the
--   previous episode of the group ended before start - 365.
--   uitstroom: the episode's last day lies before the peildatum; uitstroomdatum = end + 1.
with tijdlijn as (
    select * from intermediate.doelgroep_tijdlijn
),

meta as (
    select * from staging.meta
),

gemarkeerd as (
    select
        *,
        case
            when lag(einddatum) over (partition by doelgroep, clientnummer order by begindatum) + 1 = begindatum
                then 0
            else 1
        end as nieuwe_episode
    from tijdlijn
),

genummerd as (
    select
        *,
        sum(nieuwe_episode) over (
            partition by doelgroep, clientnummer order by begindatum rows unbounded preceding
        ) as episode_nr
    from gemarkeerd
),

samengevoegd as (
    select
        doelgroep,
        clientnummer,
        episode_nr,
        min(begindatum) as begindatum,
        case when count(einddatum) = count(*) then max(einddatum) end as einddatum,
        arg_min_null(gemeente_code, begindatum) as gemeente_begin,
        arg_min_null(tussenvorm, begindatum) as tussenvorm_begin,
        arg_max_null(gemeente_code, begindatum) as gemeente_eind,
        arg_max_null(tussenvorm, begindatum) as tussenvorm_eind,
        arg_max_null(toewijzingnummer, begindatum) as laatste_toewijzingnummer,
        arg_max_null(reden_beeindiging, begindatum) as reden_beeindiging
    from genummerd
    group by doelgroep, clientnummer, episode_nr
),

met_vorige as (
    select
        *,
        lag(einddatum) over (partition by doelgroep, clientnummer order by begindatum) as vorige_einddatum
    from samengevoegd
),

final as (
    select
        met_vorige.doelgroep,
        met_vorige.clientnummer,
        met_vorige.episode_nr,
        met_vorige.begindatum,
        met_vorige.einddatum,
        met_vorige.gemeente_begin,
        met_vorige.tussenvorm_begin,
        met_vorige.gemeente_eind,
        met_vorige.tussenvorm_eind,
        met_vorige.laatste_toewijzingnummer,
        met_vorige.vorige_einddatum,
        met_vorige.vorige_einddatum is null
            or met_vorige.vorige_einddatum < met_vorige.begindatum - 365 as is_nieuwe_client,
        coalesce(met_vorige.einddatum < meta.peildatum, false) as is_uitstroom,
        case when met_vorige.einddatum < meta.peildatum then met_vorige.einddatum + 1 end as uitstroomdatum,
        case when met_vorige.einddatum < meta.peildatum then met_vorige.reden_beeindiging end as reden_beeindiging
    from met_vorige
    cross join meta
)

select * from final
