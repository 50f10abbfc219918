-- BW client costs per year, gemeente and leveringsvorm: realised and forecast apart
-- (forecast only in the peildatum's year).
with kosten as (
    select * from intermediate.kosten_jaar
),

final as (
    select jaar, gemeente_code, leveringsvorm, gerealiseerd_eur, prognose_eur
    from kosten
    where gerealiseerd_eur <> 0 or prognose_eur <> 0
)

select * from final
