-- Client costs of BW per year, gemeente and leveringsvorm: realised, and the forecast to
-- 31 December (only for the peildatum's year; 0 otherwise).
with gerealiseerd_maand as (
    select * from intermediate.kosten_gerealiseerd_maand
),

zin_prognose as (
    select * from intermediate.zin_prognose
),

pgb_prognose as (
    select * from intermediate.pgb_prognose
),

gerealiseerd as (
    select year(maand) as jaar, gemeente_code, leveringsvorm, sum(kosten_eur) as gerealiseerd_eur
    from gerealiseerd_maand
    group by all
),

prognose as (
    select jaar, gemeente_code, leveringsvorm, sum(prognose_eur) as prognose_eur
    from (
        select jaar, gemeente_code, leveringsvorm, prognose_eur from zin_prognose
        union all
        select jaar, gemeente_code, leveringsvorm, prognose_eur from pgb_prognose
    )
    group by all
),

final as (
    select
        coalesce(gerealiseerd.jaar, prognose.jaar) as jaar,
        coalesce(gerealiseerd.gemeente_code, prognose.gemeente_code) as gemeente_code,
        coalesce(gerealiseerd.leveringsvorm, prognose.leveringsvorm) as leveringsvorm,
        cast(coalesce(gerealiseerd.gerealiseerd_eur, 0) as decimal(18, 2)) as gerealiseerd_eur,
        cast(coalesce(prognose.prognose_eur, 0) as decimal(18, 2)) as prognose_eur,
        cast(coalesce(gerealiseerd.gerealiseerd_eur, 0) + coalesce(prognose.prognose_eur, 0)
            as decimal(18, 2)) as totaal_eur
    from gerealiseerd
    full outer join prognose
        on prognose.jaar = gerealiseerd.jaar
        and prognose.gemeente_code = gerealiseerd.gemeente_code
        and prognose.leveringsvorm = gerealiseerd.leveringsvorm
)

select * from final
