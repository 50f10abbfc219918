-- Voorlopig and definitief share of the result side by side per municipality (region level:
-- the settlement is agreed jointly). verschil_eur = definitief - voorlopig: what each receives
-- (positive) or pays (negative) in the final settlement.
select v.jaar, v.gemeente_code, g.gemeente_naam,
       cast(v.voorlopig_eur as double) as voorlopig_eur,
       cast(v.definitief_eur as double) as definitief_eur,
       cast(v.verschil_eur as double) as verschil_eur
from marts.verrekening as v
left join marts.gemeenten as g using (gemeente_code)
order by v.jaar, g.gemeente_naam
