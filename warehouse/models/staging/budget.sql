-- The BW ingroeipad as the Rijk publishes it: one row per year and gemeente (any Dutch
-- municipality; marts.budget_jaar keeps the region's).
with source as (
    select * from raw.budget
),

final as (
    select
        jaar,
        upper(trim(gemeente_code)) as gemeente_code,
        cast(historisch as decimal(18, 2)) as historisch_eur,
        cast(objectief as decimal(18, 2)) as objectief_eur,
        toelichting
    from source
)

select * from final
