-- Contract mart. MO flows per month and gemeente, by the BW definitions applied to MO episodes
-- (intermediate.doelgroep_stromen_maand): instroom, nieuwe cliënten among them (no MO in the
-- 365 days before), uitstroom in the month of the first day without MO. Only months with a flow.
with stromen as (
    select * from intermediate.doelgroep_stromen_maand
    where doelgroep = 'MO'
),

final as (
    select maand, gemeente_code, instroom, nieuwe_clienten, uitstroom
    from stromen
)

select * from final
