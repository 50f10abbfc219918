-- Rows kept aside per file and reason (a row may break several rules: counted once per reason).
with afgekeurd as (
    select * from staging.afgekeurd
),

final as (
    select bestand, soort, reden, count(distinct regel) as regels
    from afgekeurd
    group by bestand, soort, reden
)

select * from final
