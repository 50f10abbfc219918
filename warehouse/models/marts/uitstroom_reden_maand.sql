-- Uitstroom per month, gemeente and WMO588 reason (of the indication ending the episode);
-- naar_wlz marks the reason that counts as uitstroom to the Wlz (seeds/wmo588_redenen.csv).
with episodes as (
    select * from intermediate.episodes
),

redenen as (
    select * from seeds.wmo588_redenen
),

uitstroom as (
    select
        cast(date_trunc('month', uitstroomdatum) as date) as maand,
        gemeente_eind as gemeente_code,
        reden_beeindiging as reden_code
    from episodes
    where is_uitstroom
),

final as (
    select
        uitstroom.maand,
        uitstroom.gemeente_code,
        uitstroom.reden_code,
        coalesce(redenen.reden_omschrijving, 'Onbekend') as reden_omschrijving,
        coalesce(redenen.naar_wlz = 'ja', false) as naar_wlz,
        count(*) as uitstroom
    from uitstroom
    left join redenen on redenen.reden_code = uitstroom.reden_code
    group by all
)

select * from final
