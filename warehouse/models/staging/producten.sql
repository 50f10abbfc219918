-- The region's product catalogue: product code -> tussenvorm. One row per product code: should
-- the catalogue list a code twice, the last line wins, so a join never duplicates indications.
with source as (
    select * from raw.producten
),

tussenvormen as (
    select tussenvorm from seeds.tussenvormen
),

genormaliseerd as (
    select
        upper(trim(source.productcode)) as productcode,
        -- canonical spelling of the tussenvorm (seeds/tussenvormen.csv), whatever its case in the catalogue
        coalesce(tussenvormen.tussenvorm, trim(source.tussenvorm)) as tussenvorm,
        source.productomschrijving,
        lpad(trim(source.productcategorie), 2, '0') as productcategorie,
        source._regel as regel
    from source
    left join tussenvormen on lower(tussenvormen.tussenvorm) = lower(trim(source.tussenvorm))
),

final as (
    select * exclude (regel)
    from genormaliseerd
    qualify row_number() over (partition by productcode order by regel desc) = 1
)

select * from final
