-- Rows the ETL kept aside, with the reason.
with source as (
    select * from raw.afgekeurd
),

final as (
    select
        geladen_op,
        bestand,
        soort,
        sha256,
        regel,
        kolom,
        waarde,
        reden
    from source
)

select * from final
