-- The municipalities of the region being reported on.
with source as (
    select * from raw.regio
),

final as (
    select
        upper(trim(gemeente_code)) as gemeente_code,
        trim(gemeente_naam) as gemeente_naam,
        trim(subregio_code) as subregio_code,
        trim(subregio_naam) as subregio_naam,
        centrumgemeente
    from source
)

select * from final
