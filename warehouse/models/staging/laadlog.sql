-- Every file the ETL has read.
with source as (
    select * from raw.laadlog
),

final as (
    select
        geladen_op,
        bestand,
        soort,
        peildatum,
        sha256,
        regels_gelezen,
        regels_geladen,
        regels_afgekeurd,
        status,
        regels_overgeslagen
    from source
)

select * from final
