-- Contract mart. BW flows per month and gemeente: instroom (episodes starting in the month,
-- gemeente of the primary indication on the first day), nieuwe cliënten among them, uitstroom
-- (episodes whose uitstroomdatum = last day + 1 falls in the month, gemeente on the last day) and
-- uitstroom naar de Wlz (seeds/wmo588_redenen.csv). Only months with a flow. The rule lives in
-- intermediate.doelgroep_stromen_maand (shared with MO).
with stromen as (
    select * from intermediate.doelgroep_stromen_maand
    where doelgroep = 'BW'
),

final as (
    select maand, gemeente_code, instroom, nieuwe_clienten, uitstroom, uitstroom_wlz
    from stromen
)

select * from final
