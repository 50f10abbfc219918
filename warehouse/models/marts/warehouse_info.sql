-- One row: which load this warehouse is, and its peildatum.
with meta as (
    select * from staging.meta
),

final as (
    select peildatum, regio, geladen_op, versie
    from meta
)

select * from final
