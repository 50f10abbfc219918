-- Uitstroom per month, gemeente and WMO588 reason (of the indication ending the episode).
with episodes as (
    select * from intermediate.episodes
),

redenen as (
    select * from (values
        ('02', 'Overlijden'),
        ('19', 'Volgens plan beëindigd'),
        ('20', 'Tijdelijk beëindigd'),
        ('21', 'Beëindigd door cliënt'),
        ('22', 'Beëindigd door aanbieder'),
        ('23', 'In overeenstemming voortijdig beëindigd'),
        ('31', 'Verhuizing naar andere gemeente'),
        ('36', 'Geïnitieerd door gemeente'),
        ('37', 'Wijzigingsverzoek'),
        ('38', 'Overstap naar andere aanbieder'),
        ('39', 'Uitstroom naar ander domein (Wlz/Zvw)')
    ) as t (reden_code, reden_omschrijving)
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
        count(*) as uitstroom
    from uitstroom
    left join redenen on redenen.reden_code = uitstroom.reden_code
    group by all
)

select * from final
