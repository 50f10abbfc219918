-- One ZIN declaration line, already its latest version (the ETL keeps the winning version).
with source as (
    select * from raw.declaraties
),

final as (
    select
        trim(regelnummer) as regelnummer,
        trim(toewijzingnummer) as toewijzingnummer,
        periode_begin,
        periode_eind,
        cast(bedrag as decimal(18, 2)) as bedrag_eur,
        -- status spelled as the contract spells it, whatever the case in the export
        case lower(trim(status))
            when 'toegekend' then 'Toegekend'
            when 'afgewezen' then 'Afgewezen'
            when 'ingediend' then 'Ingediend'
            else trim(status)
        end as status,
        trim(clientnummer) as clientnummer,
        upper(trim(productcode)) as productcode,
        aanbieder,
        _bestand as bestand,
        _regel as regel
    from source
)

select * from final
