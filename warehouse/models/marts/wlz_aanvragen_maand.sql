-- Wlz requests per month of request and gemeente, by their current decision.
with aanvragen as (
    select * from intermediate.wlz_aanvragen
),

final as (
    select
        maand,
        gemeente_code,
        count(*) as aanvragen,
        count(*) filter (where besluit = 'Toegekend') as toegekend,
        count(*) filter (where besluit = 'Afgewezen') as afgewezen,
        count(*) filter (where besluit = 'In behandeling') as in_behandeling,
        count(*) filter (where besluit = 'Ingetrokken') as ingetrokken
    from aanvragen
    where is_ingediend and gemeente_code is not null
    group by maand, gemeente_code
)

select * from final
