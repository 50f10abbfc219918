-- The ingroeipad against the gemeente's own costs, per year x gemeente (allowed gemeenten only).
select b.jaar, b.gemeente_code, g.gemeente_naam, b.budget_aangeleverd,
       cast(b.historisch_eur as double) as historisch_eur, cast(b.objectief_eur as double) as objectief_eur,
       cast(b.totaal_eur as double) as totaal_eur, cast(b.kosten_eur as double) as kosten_eur,
       cast(b.kosten_gerealiseerd_eur as double) as kosten_gerealiseerd_eur,
       cast(b.kosten_prognose_eur as double) as kosten_prognose_eur,
       cast(b.verschil_eur as double) as verschil_eur, b.objectief_eindjaar,
       cast(b.objectief_eind_eur as double) as objectief_eind_eur,
       cast(b.verschil_objectief_eur as double) as verschil_objectief_eur
from marts.budget_jaar as b
left join marts.gemeenten as g using (gemeente_code)
where list_contains($gemeenten::varchar[], b.gemeente_code)
order by b.jaar, g.gemeente_naam
