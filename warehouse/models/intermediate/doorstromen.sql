-- Doorstroom: the primary tussenvorm changes inside an episode (contiguous timeline intervals).
-- Counted on the first day of the new form, with the gemeente of the new primary indication.
-- A change of toewijzing or leveringsvorm with the same tussenvorm is no doorstroom.
with tijdlijn as (
    select * from intermediate.primaire_indicatie_tijdlijn
),

meta as (
    select * from staging.meta
),

met_vorige as (
    select
        *,
        lag(einddatum) over w as vorige_einddatum,
        lag(tussenvorm) over w as vorige_tussenvorm
    from tijdlijn
    window w as (partition by clientnummer order by begindatum)
),

final as (
    select
        met_vorige.clientnummer,
        met_vorige.begindatum as doorstroomdatum,
        cast(date_trunc('month', met_vorige.begindatum) as date) as maand,
        met_vorige.gemeente_code,
        met_vorige.vorige_tussenvorm as van_tussenvorm,
        met_vorige.tussenvorm as naar_tussenvorm
    from met_vorige
    cross join meta
    where met_vorige.vorige_einddatum + 1 = met_vorige.begindatum
        and met_vorige.vorige_tussenvorm <> met_vorige.tussenvorm
        and met_vorige.begindatum <= meta.peildatum
)

select * from final
