-- Per month, every client in the BW stand on the month's standdag: the BW part of
-- intermediate.doelgroep_stand_maand (one row per client and month).
with stand as (
    select * from intermediate.doelgroep_stand_maand
),

final as (
    select *
    from stand
    where doelgroep = 'BW'
)

select * from final
