-- Every file the ETL has read, in every load.
with laadlog as (
    select * from staging.laadlog
),

final as (
    select * from laadlog
)

select * from final
