-- Realised client costs of BW per month, gemeente and leveringsvorm: ZIN from toegekend
-- declaration lines of BW toewijzingen (spread over months), PGB from the SVB overview with the
-- pgb row's gemeente.
with declaratie_kosten as (
    select * from intermediate.declaratie_kosten_maand
),

pgb as (
    select * from staging.pgb
),

zin as (
    select maand, gemeente_code, leveringsvorm, kosten_eur
    from declaratie_kosten
    where is_bw
),

pgb_kosten as (
    select maand_datum as maand, gemeente_code, 'PGB' as leveringsvorm, besteed_eur as kosten_eur
    from pgb
),

samen as (
    select * from zin
    union all
    select * from pgb_kosten
),

final as (
    select
        maand,
        gemeente_code,
        leveringsvorm,
        cast(sum(kosten_eur) as decimal(18, 2)) as kosten_eur
    from samen
    group by maand, gemeente_code, leveringsvorm
)

select * from final
