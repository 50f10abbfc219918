-- MO client costs per year and gemeente: realised (marts.mo_kosten_maand) and the ZIN forecast
-- to 31 December (only in the peildatum's year, by the rule shared with BW:
-- intermediate.doelgroep_zin_prognose), apart.
with kosten_maand as (
    select * from marts.mo_kosten_maand
),

prognose as (
    select * from intermediate.doelgroep_zin_prognose
    where doelgroep = 'MO'
),

gerealiseerd as (
    select year(maand) as jaar, gemeente_code, sum(kosten_eur) as gerealiseerd_eur
    from kosten_maand
    group by all
),

voorspeld as (
    select jaar, gemeente_code, sum(prognose_eur) as prognose_eur
    from prognose
    group by all
),

final as (
    select
        coalesce(gerealiseerd.jaar, voorspeld.jaar) as jaar,
        coalesce(gerealiseerd.gemeente_code, voorspeld.gemeente_code) as gemeente_code,
        cast(coalesce(gerealiseerd.gerealiseerd_eur, 0) as decimal(18, 2)) as gerealiseerd_eur,
        cast(coalesce(voorspeld.prognose_eur, 0) as decimal(18, 2)) as prognose_eur
    from gerealiseerd
    full outer join voorspeld
        on voorspeld.jaar = gerealiseerd.jaar
        and voorspeld.gemeente_code = gerealiseerd.gemeente_code
    where coalesce(gerealiseerd.gerealiseerd_eur, 0) <> 0 or coalesce(voorspeld.prognose_eur, 0) <> 0
)

select * from final
