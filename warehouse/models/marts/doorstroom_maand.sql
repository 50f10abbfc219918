-- Doorstroom (change of primary tussenvorm inside an episode) per month, gemeente, from and to.
with doorstromen as (
    select * from intermediate.doorstromen
),

final as (
    select maand, gemeente_code, van_tussenvorm, naar_tussenvorm, count(*) as aantal
    from doorstromen
    group by all
)

select * from final
