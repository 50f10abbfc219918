-- Rows the ETL kept aside, with the reason and the whole line as delivered (JSON).
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
        reden,
        rij
    from source
)

select * from final
