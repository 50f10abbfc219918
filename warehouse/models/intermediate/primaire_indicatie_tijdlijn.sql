-- Per client, the intervals in which the primary BW indication is constant: the BW part of
-- intermediate.doelgroep_tijdlijn, where the rule lives (shared with MO).
with tijdlijn as (
    select * from intermediate.doelgroep_tijdlijn
),

final as (
    select *
    from tijdlijn
    where doelgroep = 'BW'
)

select * from final
