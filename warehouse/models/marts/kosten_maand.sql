-- Contract mart. Realised BW client costs per month (of service), gemeente and leveringsvorm.
-- Declaration lines whose toewijzing is unknown are not here: see marts.datakwaliteit.
with kosten as (
    select * from intermediate.kosten_gerealiseerd_maand
),

final as (
    select maand, gemeente_code, leveringsvorm, kosten_eur
    from kosten
    where kosten_eur <> 0
)

select * from final
