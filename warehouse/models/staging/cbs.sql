-- CBS population per gemeente and count day (1 January).
with source as (
    select * from raw.cbs
),

final as (
    select
        upper(trim(gemeente_code)) as gemeente_code,
        peildag_bevolking,
        inwoners,
        maatstaf,
        periode,
        voorlopig
    from source
)

select * from final
