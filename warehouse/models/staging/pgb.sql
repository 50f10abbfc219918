-- PGB spending per client and month from the SVB overview.
with source as (
    select * from raw.pgb
),

final as (
    select
        trim(clientnummer) as clientnummer,
        upper(trim(gemeente_code)) as gemeente_code,
        jaar,
        maand,
        make_date(jaar, maand, 1) as maand_datum,
        cast(besteed as decimal(18, 2)) as besteed_eur,
        cast(budget as decimal(18, 2)) as budget_eur
    from source
)

select * from final
