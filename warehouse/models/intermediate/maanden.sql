-- The month calendar: from the first month with any indication to the peildatum's month.
-- standdag is the day the month's stand is taken: its last day, or the peildatum in the
-- peildatum's month.
with indicaties as (
    select * from intermediate.indicaties_met_tussenvorm
),

meta as (
    select * from staging.meta
),

grenzen as (
    select
        cast(date_trunc('month', min(indicaties.ingangsdatum)) as date) as eerste_maand,
        cast(date_trunc('month', any_value(meta.peildatum)) as date) as laatste_maand,
        any_value(meta.peildatum) as peildatum
    from indicaties
    cross join meta
    where indicaties.is_gestart
),

reeks as (
    select
        cast(unnest(generate_series(eerste_maand, laatste_maand, interval 1 month)) as date) as maand,
        peildatum
    from grenzen
    where eerste_maand is not null
),

final as (
    select
        maand,
        year(maand) as jaar,
        month(maand) as maandnummer,
        least(last_day(maand), peildatum) as standdag
    from reeks
)

select * from final
