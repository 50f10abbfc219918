-- Fixed result versions as the state store holds them (copied in by etl before the build).
with source as (
    select * from raw.resultaat_versies
),

final as (
    select
        record_id,
        jaar,
        versie,
        vastgesteld_op,
        door,
        peildatum,
        warehouse_versie,
        vervangt,
        vervangen_door,
        reden,
        vervangen_door is null as geldt,   -- a corrected record stays in the history only
        resultaat,
        verdeling
    from source
)

select * from final
