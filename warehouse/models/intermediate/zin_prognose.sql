-- ZIN forecast of BW for the peildatum's year: the BW part of intermediate.doelgroep_zin_prognose,
-- where the rule lives (shared with MO).
with prognose as (
    select * from intermediate.doelgroep_zin_prognose
),

final as (
    select *
    from prognose
    where doelgroep = 'BW'
)

select * from final
