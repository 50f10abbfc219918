-- Wlz requests of BW clients.
with source as (
    select * from raw.wlz
),

final as (
    select
        trim(clientnummer) as clientnummer,
        aanvraagdatum,
        case lower(trim(besluit))
            when 'toegekend' then 'Toegekend'
            when 'afgewezen' then 'Afgewezen'
            when 'in behandeling' then 'In behandeling'
            when 'ingetrokken' then 'Ingetrokken'
            else trim(besluit)
        end as besluit,
        besluitdatum,
        ingangsdatum_wlz,
        zorgprofiel
    from source
)

select * from final
