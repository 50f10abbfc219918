-- Per month and doelgroep (BW, MO), every client in the group's stand on the month's standdag,
-- with the gemeente, tussenvorm and leveringsvorm of the group's primary indication that day.
-- One row per doelgroep, client and month: a client in BW and MO at once is in both stands.
with maanden as (
    select * from intermediate.maanden
),

tijdlijn as (
    select * from intermediate.doelgroep_tijdlijn
),

final as (
    select
        maanden.maand,
        maanden.standdag,
        tijdlijn.doelgroep,
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
