-- The distribution of the result over all municipalities by the 50/50 key (settled jointly).
select v.jaar, v.versie, v.versie_rang, v.meest_definitief, v.gemeente_code, g.gemeente_naam,
       cast(v.inwoners as bigint) as inwoners, v.inwoners_aandeel, v.inwoners_deel,
       cast(v.kosten_eur as double) as kosten_eur, v.kosten_aandeel, v.kosten_deel, v.verdeelsleutel,
       cast(v.resultaat_eur as double) as resultaat_eur,
       v.inwoners_peildag, v.inwoners_toelichting, v.afrondingscent
from marts.resultaat_verdeling as v
left join marts.gemeenten as g using (gemeente_code)
order by v.jaar, v.versie, g.gemeente_naam
