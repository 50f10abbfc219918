-- One row per toewijzing (indication). Codes trimmed and padded to their iWmo width so that
-- joins and comparisons ('15', '39', '14') do not depend on how the export wrote them.
with source as (
    select * from raw.indicaties
),

final as (
    select
        trim(clientnummer) as clientnummer,
        upper(trim(gemeente_code)) as gemeente_code,
        trim(toewijzingnummer) as toewijzingnummer,
        lpad(trim(productcategorie), 2, '0') as productcategorie,
        upper(trim(productcode)) as productcode,
        upper(trim(leveringsvorm)) as leveringsvorm,
        ingangsdatum,
        einddatum,
        nullif(lpad(trim(reden_beeindiging), 2, '0'), '') as reden_beeindiging,
        productomschrijving,
        aanbieder,
        tarief,
        nullif(lpad(trim(eenheid), 2, '0'), '') as eenheid,
        geboortejaar,
        geslacht,
        upper(trim(gemeente_code_verblijf)) as gemeente_code_verblijf,
        _bestand as bestand,
        _regel as regel
    from source
)

select * from final
