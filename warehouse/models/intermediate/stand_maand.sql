-- Per month, every client in the stand on the month's standdag, with the gemeente, tussenvorm
-- and leveringsvorm of the primary indication that day. One row per client and month.
with maanden as (
    select * from intermediate.maanden
),

tijdlijn as (
    select * from intermediate.primaire_indicatie_tijdlijn
),

final as (
    select
        maanden.maand,
        maanden.standdag,
        tijdlijn.clientnummer,
        tijdlijn.gemeente_code,
        tijdlijn.tussenvorm,
        tijdlijn.tussenvorm_rang,
        tijdlijn.leveringsvorm,
        tijdlijn.toewijzingnummer
    from maanden
    inner join tijdlijn
        on tijdlijn.begindatum <= maanden.standdag
        and (tijdlijn.einddatum is null or tijdlijn.einddatum >= maanden.standdag)
)

select * from final
