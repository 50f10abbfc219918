-- Contract mart. Realised MO client costs per month (of service) and gemeente van herkomst:
-- toegekend ZIN declaration lines on MO toewijzingen, spread by days over months as for BW
-- (intermediate.declaratie_kosten_maand).
with declaratie_kosten as (
    select * from intermediate.declaratie_kosten_maand
    where doelgroep = 'MO'
),

per_maand as (
    select
        maand,
        gemeente_code,
        cast(sum(kosten_eur) as decimal(18, 2)) as kosten_eur
    from declaratie_kosten
    group by maand, gemeente_code
),

final as (
    select maand, gemeente_code, kosten_eur
    from per_maand
    where kosten_eur <> 0
)

select * from final
