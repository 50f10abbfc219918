-- The region's product catalogue: product code -> tussenvorm. One row per product code: should
-- the catalogue list a code twice, the last line wins, so a join never duplicates indications.
with source as (
    select * from raw.producten
),

genormaliseerd as (
    select
        upper(trim(productcode)) as productcode,
        -- canonical spelling of the tussenvorm, whatever its case in the catalogue
        case lower(trim(tussenvorm))
            when 'beschermd wonen intramuraal' then 'Beschermd wonen intramuraal'
            when 'beschermd wonen nabij' then 'Beschermd wonen nabij'
            when 'begeleid wonen' then 'Begeleid wonen'
            when 'thuis plus' then 'Thuis Plus'
            when 'opvang' then 'Opvang'
            when 'spoedopvang' then 'Spoedopvang'
            else trim(tussenvorm)
        end as tussenvorm,
        productomschrijving,
        lpad(trim(productcategorie), 2, '0') as productcategorie,
        _regel as regel
    from source
),

final as (
    select * exclude (regel)
    from genormaliseerd
    qualify row_number() over (partition by productcode order by regel desc) = 1
)

select * from final
