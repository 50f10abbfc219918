-- The load's metadata: one row. The peildatum bounds every month and every flow.
with source as (
    select * from raw.meta
),

final as (
    select
        cast(peildatum as date) as peildatum,
        regio,
        geladen_op,
        versie
    from source
    -- one load, one peildatum: should raw.meta ever hold more rows, the newest build wins
    qualify row_number() over (order by geladen_op desc) = 1
)

select * from final
