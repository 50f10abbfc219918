-- Length of stay per episode and doelgroep (BW, MO): episodes still in care on the peildatum
-- (days to the peildatum, gemeente of the primary indication that day) and those that ended
-- (days to the last day, gemeente on the last day, year of uitstroom). The marts
-- verblijfsduur (BW) and mo_verblijfsduur put them in classes that suit each group.
with episodes as (
    select * from intermediate.doelgroep_episodes
),

meta as (
    select * from staging.meta
),

tijdlijn as (
    select * from intermediate.doelgroep_tijdlijn
),

gemeente_op_peildatum as (
    select tijdlijn.doelgroep, tijdlijn.clientnummer, tijdlijn.gemeente_code
    from tijdlijn
    cross join meta
    where tijdlijn.begindatum <= meta.peildatum
        and (tijdlijn.einddatum is null or tijdlijn.einddatum >= meta.peildatum)
),

final as (
    select
        episodes.doelgroep,
        case when episodes.is_uitstroom then episodes.gemeente_eind
            else gemeente_op_peildatum.gemeente_code end as gemeente_code,
        case when episodes.is_uitstroom then 'uitgestroomd' else 'in zorg' end as status,
        case when episodes.is_uitstroom then year(episodes.uitstroomdatum) end as uitstroomjaar,
        case when episodes.is_uitstroom then episodes.einddatum else meta.peildatum end
            - episodes.begindatum + 1 as dagen
    from episodes
    cross join meta
    left join gemeente_op_peildatum
        on gemeente_op_peildatum.doelgroep = episodes.doelgroep
        and gemeente_op_peildatum.clientnummer = episodes.clientnummer
        and not episodes.is_uitstroom
)

select * from final
