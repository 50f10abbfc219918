-- Wlz requests of BW clients; the decision spelled as in seeds/wlz_besluiten.csv.
with source as (
    select * from raw.wlz
),

besluiten as (
    select * from seeds.wlz_besluiten
),

final as (
    select
        trim(s.clientnummer) as clientnummer,
        s.aanvraagdatum,
        coalesce(b.besluit, trim(s.besluit)) as besluit,
        s.besluitdatum,
        s.ingangsdatum_wlz,
        s.zorgprofiel
    from source as s
    left join besluiten as b on lower(b.besluit) = lower(trim(s.besluit))
)

select * from final
