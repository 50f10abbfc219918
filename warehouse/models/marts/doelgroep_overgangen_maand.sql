-- Contract mart. Shifts between the doelgroepen (the "gecombineerde monitor", regiovisie 13.1):
-- a client's episode in one group (BW, MO) ends, and an episode in the other starts after its
-- last day and at most staging.instellingen.doelgroep_overgang_dagen days after it. Counted in
-- the month the new episode starts, with its gemeente at the start; once per new episode, however
-- many old episodes qualify. A client in both groups at once is an overlap
-- (marts.doelgroep_overlap_maand), not a shift: nothing ended.
with episodes as (
    select * from intermediate.doelgroep_episodes
),

instellingen as (
    select * from staging.instellingen
),

overgangen as (
    select
        nieuw.clientnummer,
        nieuw.begindatum,
        nieuw.gemeente_begin as gemeente_code,
        case nieuw.doelgroep when 'BW' then 'MO naar BW' else 'BW naar MO' end as richting
    from episodes as nieuw
    cross join instellingen
    where exists (
        select 1
        from episodes as vorig
        where vorig.clientnummer = nieuw.clientnummer
            and vorig.doelgroep <> nieuw.doelgroep
            and vorig.einddatum < nieuw.begindatum
            and nieuw.begindatum - vorig.einddatum <= instellingen.doelgroep_overgang_dagen
    )
),

final as (
    select
        cast(date_trunc('month', begindatum) as date) as maand,
        gemeente_code,
        richting,
        count(*) as aantal
    from overgangen
    group by all
)

select * from final
