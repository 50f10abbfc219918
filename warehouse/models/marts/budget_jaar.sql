-- The BW ingroeipad per year and gemeente of the region against the gemeente's own BW client
-- costs (gemeente van herkomst). One row per year of the budget file x every gemeente of the
-- region: a gemeente without budget rows keeps its row with the budget null and
-- budget_aangeleverd false (no budget delivered is not a budget of 0).
--   kosten_eur = realised + forecast (forecast only in the peildatum's year), both also apart;
--   null for years after the peildatum's year (no costs yet).
--   verschil_eur = totaal_eur - kosten_eur.
--   objectief_eind_eur: the gemeente's objective budget in the ingroeipad's end year (the first
--   year from which the region's historical part stays 0), so verschil_objectief_eur answers
--   "what would my result be if my budget were objective today" for every year.
with budget as (
    select * from staging.budget
),

gemeenten as (
    select * from staging.regio
),

kosten as (
    select * from intermediate.kosten_jaar
),

meta as (
    select * from staging.meta
),

regio_budget as (
    select budget.*
    from budget
    inner join gemeenten using (gemeente_code)
),

jaren as (
    select distinct jaar from regio_budget
),

historisch_per_jaar as (
    select jaar, sum(historisch_eur) as historisch_eur
    from regio_budget
    group by jaar
),

eindjaar as (
    select min(h.jaar) as eindjaar
    from historisch_per_jaar as h
    where h.historisch_eur = 0
        and not exists (
            select 1 from historisch_per_jaar as later
            where later.jaar > h.jaar and later.historisch_eur <> 0
        )
),

objectief_eind as (
    select regio_budget.gemeente_code, eindjaar.eindjaar, regio_budget.objectief_eur
    from regio_budget
    inner join eindjaar on regio_budget.jaar = eindjaar.eindjaar
),

kosten_per_jaar as (
    select
        jaar,
        gemeente_code,
        sum(gerealiseerd_eur) as gerealiseerd_eur,
        sum(prognose_eur) as prognose_eur
    from kosten
    group by jaar, gemeente_code
),

raster as (
    select jaren.jaar, gemeenten.gemeente_code
    from jaren
    cross join gemeenten
),

samen as (
    select
        raster.jaar,
        raster.gemeente_code,
        regio_budget.historisch_eur,
        regio_budget.objectief_eur,
        regio_budget.historisch_eur + regio_budget.objectief_eur as totaal_eur,
        case when raster.jaar <= year(meta.peildatum)
            then coalesce(kosten_per_jaar.gerealiseerd_eur, 0) end as kosten_gerealiseerd_eur,
        case when raster.jaar <= year(meta.peildatum)
            then coalesce(kosten_per_jaar.prognose_eur, 0) end as kosten_prognose_eur,
        regio_budget.gemeente_code is not null as budget_aangeleverd,
        (select eindjaar from eindjaar) as objectief_eindjaar,
        objectief_eind.objectief_eur as objectief_eind_eur,
        regio_budget.toelichting
    from raster
    cross join meta
    left join regio_budget
        on regio_budget.jaar = raster.jaar and regio_budget.gemeente_code = raster.gemeente_code
    left join kosten_per_jaar
        on kosten_per_jaar.jaar = raster.jaar and kosten_per_jaar.gemeente_code = raster.gemeente_code
    left join objectief_eind on objectief_eind.gemeente_code = raster.gemeente_code
),

final as (
    select
        jaar,
        gemeente_code,
        cast(historisch_eur as decimal(18, 2)) as historisch_eur,
        cast(objectief_eur as decimal(18, 2)) as objectief_eur,
        cast(totaal_eur as decimal(18, 2)) as totaal_eur,
        cast(kosten_gerealiseerd_eur + kosten_prognose_eur as decimal(18, 2)) as kosten_eur,
        cast(totaal_eur - (kosten_gerealiseerd_eur + kosten_prognose_eur) as decimal(18, 2))
            as verschil_eur,
        cast(kosten_gerealiseerd_eur as decimal(18, 2)) as kosten_gerealiseerd_eur,
        cast(kosten_prognose_eur as decimal(18, 2)) as kosten_prognose_eur,
        budget_aangeleverd,
        objectief_eindjaar,
        cast(objectief_eind_eur as decimal(18, 2)) as objectief_eind_eur,
        cast(objectief_eind_eur - (kosten_gerealiseerd_eur + kosten_prognose_eur) as decimal(18, 2))
            as verschil_objectief_eur,
        toelichting
    from samen
)

select * from final
