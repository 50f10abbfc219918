-- Grain: one row per rejected line and fault (a line can break two rules). The whole line as
-- delivered (`rij`, JSON {column: text}) lets a controller send it back to the provider without
-- the original file. It may hold a pseudonymous client number: show it to the regio role only.
with afgekeurd as (
    select * from staging.afgekeurd
),

final as (
    select
        bestand,
        soort,
        regel,
        kolom,
        waarde,
        reden,
        rij,
        geladen_op
    from afgekeurd
)

select * from final
