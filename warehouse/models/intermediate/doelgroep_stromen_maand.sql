-- Flows per doelgroep (BW, MO), month and gemeente: instroom (episodes starting in the month,
-- gemeente of the primary indication on the first day), nieuwe cliënten among them, uitstroom
-- (episodes whose uitstroomdatum = last day + 1 falls in the month, gemeente on the last day)
-- and uitstroom naar de Wlz (the reason seeds/wmo588_redenen.csv marks naar_wlz). Only months with a flow. marts.stromen_maand (BW) and
-- marts.mo_stromen_maand (MO) are its parts.
with episodes as (
    select * from intermediate.doelgroep_episodes
),

naar_wlz as (
    select reden_code from seeds.wmo588_redenen where naar_wlz = 'ja'
),

instroom as (
    select
        doelgroep,
        cast(date_trunc('month', begindatum) as date) as maand,
        gemeente_begin as gemeente_code,
        1 as instroom,
        case when is_nieuwe_client then 1 else 0 end as nieuwe_clienten,
        0 as uitstroom,
        0 as uitstroom_wlz
    from episodes
),

uitstroom as (
    select
        doelgroep,
        cast(date_trunc('month', uitstroomdatum) as date) as maand,
        gemeente_eind as gemeente_code,
        0 as instroom,
        0 as nieuwe_clienten,
        1 as uitstroom,
        case when reden_beeindiging in (select reden_code from naar_wlz) then 1 else 0 end as uitstroom_wlz
    from episodes
    where is_uitstroom
),

final as (
    select
        doelgroep,
        maand,
        gemeente_code,
        cast(sum(instroom) as bigint) as instroom,
        cast(sum(nieuwe_clienten) as bigint) as nieuwe_clienten,
        cast(sum(uitstroom) as bigint) as uitstroom,
        cast(sum(uitstroom_wlz) as bigint) as uitstroom_wlz
    from (select * from instroom union all select * from uitstroom)
    group by doelgroep, maand, gemeente_code
)

select * from final
