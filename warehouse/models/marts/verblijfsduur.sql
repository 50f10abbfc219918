-- Length of stay of episodes: those still in care on the peildatum (duration to the peildatum,
-- gemeente of the primary indication that day) and those that ended (duration to the last day,
-- gemeente on the last day, by year of uitstroom). Classes in days (a year = 365 days) because
-- they are for reading trends, not for settling money.
with episodes as (
    select * from intermediate.episodes
),

meta as (
    select * from staging.meta
),

tijdlijn as (
    select * from intermediate.primaire_indicatie_tijdlijn
),

gemeente_op_peildatum as (
    select tijdlijn.clientnummer, tijdlijn.gemeente_code
    from tijdlijn
    cross join meta
    where tijdlijn.begindatum <= meta.peildatum
        and (tijdlijn.einddatum is null or tijdlijn.einddatum >= meta.peildatum)
),

duren as (
    select
        case when episodes.is_uitstroom then episodes.gemeente_eind
            else gemeente_op_peildatum.gemeente_code end as gemeente_code,
        case when episodes.is_uitstroom then 'uitgestroomd' else 'in zorg' end as status,
        case when episodes.is_uitstroom then year(episodes.uitstroomdatum) end as uitstroomjaar,
        case when episodes.is_uitstroom then episodes.einddatum else meta.peildatum end
            - episodes.begindatum + 1 as dagen
    from episodes
    cross join meta
    left join gemeente_op_peildatum
        on gemeente_op_peildatum.clientnummer = episodes.clientnummer
        and not episodes.is_uitstroom
),

klassen as (
    select
        *,
        case
            when dagen < 183 then 1
            when dagen < 365 then 2
            when dagen < 730 then 3
            when dagen < 1825 then 4
            else 5
        end as klasse_volgorde
    from duren
),

final as (
    select
        gemeente_code,
        status,
        uitstroomjaar,
        case klasse_volgorde
            when 1 then 'korter dan een half jaar'
            when 2 then 'half jaar tot 1 jaar'
            when 3 then '1 tot 2 jaar'
            when 4 then '2 tot 5 jaar'
            else '5 jaar of langer'
        end as duurklasse,
        klasse_volgorde,
        count(*) as episodes
    from klassen
    group by all
)

select * from final
