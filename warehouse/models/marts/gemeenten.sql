-- The municipalities of the region.
with regio as (
    select * from staging.regio
),

final as (
    select gemeente_code, gemeente_naam, subregio_code, subregio_naam, centrumgemeente
    from regio
)

select * from final
