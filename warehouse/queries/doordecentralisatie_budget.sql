-- The Doordecentralisatie page's budget section (dd-budget, dd-objectief, dd-regio) in one query:
-- one row per part (`deel`), so the page pays one query's fixed cost instead of two.
--   'gemeente'  per year x allowed gemeente ($gemeenten) its ingroeipad and own costs (the page sums
--               the years itself, per year in the order of the names: the figures it showed when it
--               summed the per-gemeente amounts in pandas, to the last bit);
--   'regio'     the region per year (sums over all municipalities, never a row per gemeente) against
--               the baten and result BW of marts.resultaat_jaar in its most definitive version; only
--               for a caller who may see the region ($regio).
with budget as (
    select * from marts.budget_jaar where list_contains($gemeenten::varchar[], gemeente_code)
),

regio as (
    select jaar,
           sum(totaal_eur) as totaal_eur, sum(kosten_eur) as kosten_eur,
           count(*) filter (where not budget_aangeleverd) as gemeenten_zonder_budget
    from marts.budget_jaar
    where $regio::boolean
    group by jaar
),

resultaat as (
    select jaar, versie, baten_eur, resultaat_eur
    from marts.resultaat_jaar
    qualify row_number() over (
        partition by jaar
        order by case versie when 'definitief' then 0 when 'voorlopig' then 1 else 2 end
    ) = 1
)

select 'gemeente' as deel, jaar, gemeente_code, budget_aangeleverd,
       cast(historisch_eur as double) as historisch_eur, cast(objectief_eur as double) as objectief_eur,
       cast(totaal_eur as double) as totaal_eur, cast(kosten_eur as double) as kosten_eur,
       cast(kosten_gerealiseerd_eur as double) as kosten_gerealiseerd_eur,
       cast(kosten_prognose_eur as double) as kosten_prognose_eur,
       cast(verschil_eur as double) as verschil_eur, objectief_eindjaar,
       cast(objectief_eind_eur as double) as objectief_eind_eur,
       cast(verschil_objectief_eur as double) as verschil_objectief_eur
from budget

union all by name

select 'regio' as deel, b.jaar, cast(b.totaal_eur as double) as totaal_eur, cast(b.kosten_eur as double) as kosten_eur,
       cast(b.totaal_eur - b.kosten_eur as double) as verschil_eur, b.gemeenten_zonder_budget,
       r.versie, cast(r.baten_eur as double) as baten_eur, cast(r.resultaat_eur as double) as resultaat_eur
from regio as b
left join resultaat as r using (jaar)

order by deel, jaar
