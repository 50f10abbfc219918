-- A client's BW care episodes: the BW part of intermediate.doelgroep_episodes, where the rule
-- lives (shared with MO).
with episodes as (
    select * from intermediate.doelgroep_episodes
),

final as (
    select *
    from episodes
    where doelgroep = 'BW'
)

select * from final
