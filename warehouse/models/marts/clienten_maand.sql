-- Contract mart. Stand per month (on the last day, or the peildatum in its month) by gemeente,
-- tussenvorm and leveringsvorm of the primary indication: the splits add up to the total.
with stand as (
    select * from intermediate.stand_maand
),

final as (
    select
        maand,
        gemeente_code,
        tussenvorm,
        leveringsvorm,
        count(*) as actief
    from stand
    group by maand, gemeente_code, tussenvorm, leveringsvorm
)

select * from final
