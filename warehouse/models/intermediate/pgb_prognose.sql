-- PGB forecast for the peildatum's year, per gemeente. M = the latest month of that year with
-- PGB spending in the SVB overview (one M for the whole region: the overview runs to the same
-- month for everyone, and a gemeente whose last client stopped in March must not be forecast
-- from March). Forecast = average monthly spend of the three months ending in M (a month without
-- spending counts as 0) x (12 - M).
with pgb as (
    select * from staging.pgb
),

meta as (
    select * from staging.meta
),

per_maand as (
    select gemeente_code, maand_datum as maand, sum(besteed_eur) as besteed_eur
    from pgb
    group by gemeente_code, maand_datum
),

laatste_maand as (
    select max(per_maand.maand) as maand_m
    from per_maand
    cross join meta
    where year(per_maand.maand) = year(meta.peildatum)
        and per_maand.besteed_eur <> 0
),

drie_maanden as (
    select
        per_maand.gemeente_code,
        laatste_maand.maand_m,
        sum(per_maand.besteed_eur) as besteed_drie_maanden_eur
    from per_maand
    cross join laatste_maand
    where per_maand.maand between cast(laatste_maand.maand_m - interval 2 month as date) and laatste_maand.maand_m
    group by per_maand.gemeente_code, laatste_maand.maand_m
),

final as (
    select
        year(maand_m) as jaar,
        gemeente_code,
        'PGB' as leveringsvorm,
        maand_m as laatste_maand,
        12 - month(maand_m) as resterende_maanden,
        cast(besteed_drie_maanden_eur / 3 as decimal(18, 2)) as gemiddeld_per_maand_eur,
        -- sum x months / 3 is never exactly half a cent, so rounding the double is safe
        cast(round(besteed_drie_maanden_eur * (12 - month(maand_m)) / 3, 2) as decimal(18, 2)) as prognose_eur
    from drie_maanden
)

select * from final
