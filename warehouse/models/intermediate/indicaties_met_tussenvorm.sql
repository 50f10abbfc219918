-- Every indication with its tussenvorm from the catalogue and its doelgroep. BW = one of the four
-- BW forms, or a category-15 product missing from the catalogue ('Onbekend', lightest). MO = the
-- forms 'Opvang' and 'Spoedopvang'. Other unmapped products are kept here (declarations need
-- their gemeente) with doelgroep null: they count in neither group.
-- tussenvorm_rang orders the forms within their doelgroep (1 = the one the primary indication
-- prefers), so BW and MO share one primary-indication rule.
with indicaties as (
    select * from staging.indicaties
),

producten as (
    select * from staging.producten
),

meta as (
    select * from staging.meta
),

tussenvormen as (
    -- per doelgroep, heaviest first: the rank decides the primary indication (seeds/tussenvormen.csv)
    select tussenvorm, doelgroep, cast(tussenvorm_rang as integer) as tussenvorm_rang
    from seeds.tussenvormen
),

met_catalogus as (
    select
        indicaties.*,
        producten.productcode is not null as in_catalogus,
        case
            when producten.productcode is null and indicaties.productcategorie = '15' then 'Onbekend'
            else producten.tussenvorm
        end as tussenvorm
    from indicaties
    left join producten on producten.productcode = indicaties.productcode
),

final as (
    select
        met_catalogus.*,
        tussenvormen.doelgroep,
        tussenvormen.tussenvorm_rang,
        coalesce(tussenvormen.doelgroep = 'BW', false) as is_bw,
        coalesce(tussenvormen.doelgroep = 'MO', false) as is_mo,
        -- indications starting after the peildatum are not yet counted anywhere
        met_catalogus.ingangsdatum <= meta.peildatum as is_gestart,
        -- toewijzingnummers compare numerically when both are numbers (37 digits fit a hugeint)
        regexp_full_match(met_catalogus.toewijzingnummer, '[0-9]{1,37}') as toewijzing_is_getal,
        case
            when regexp_full_match(met_catalogus.toewijzingnummer, '[0-9]{1,37}')
                then cast(met_catalogus.toewijzingnummer as hugeint)
        end as toewijzing_getal
    from met_catalogus
    cross join meta
    left join tussenvormen on tussenvormen.tussenvorm = met_catalogus.tussenvorm
)

select * from final
