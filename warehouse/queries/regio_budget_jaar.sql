-- Region totals per year (sums over all municipalities): the ingroeipad of the region against
-- the region's BW client costs, and the baten and result of marts.resultaat_jaar (the most
-- definitive version of each year). Never a row per gemeente.
with budget as (
    select jaar,
           sum(historisch_eur) as historisch_eur, sum(objectief_eur) as objectief_eur,
           sum(totaal_eur) as totaal_eur, sum(kosten_eur) as kosten_eur,
           count(*) filter (where not budget_aangeleverd) as gemeenten_zonder_budget
    from marts.budget_jaar
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

select b.jaar, cast(b.historisch_eur as double) as historisch_eur, cast(b.objectief_eur as double) as objectief_eur,
       cast(b.totaal_eur as double) as totaal_eur, cast(b.kosten_eur as double) as kosten_eur,
       cast(b.totaal_eur - b.kosten_eur as double) as verschil_eur, b.gemeenten_zonder_budget,
       r.versie, cast(r.baten_eur as double) as baten_eur, cast(r.resultaat_eur as double) as resultaat_eur
from budget as b
left join resultaat as r using (jaar)
order by b.jaar
