-- The region's transition date (config/regios.csv): from this day the municipalities are
-- responsible for BW. At most one row; none or null when the region has not set it.
with source as (
    select * from raw.regio_overgang
),

final as (
    select cast(overgangsdatum as date) as overgangsdatum
    from source
    where overgangsdatum is not null
    limit 1
)

select * from final
