-- The Overzicht's two result cards in one answer (region level, not distributed): BW's result per
-- year and version (bron 'bw', as resultaat_jaar.sql) and MO's per year with the Reserve MO
-- (bron 'mo', as mo_resultaat_jaar.sql).
select 'bw' as bron, r.jaar, r.versie, r.versie_rang,
       cast(r.resultaat_eur as double) as resultaat_eur,
       cast(r.clientgebonden_gerealiseerd_eur as double) as clientgebonden_gerealiseerd_eur,
       cast(r.clientgebonden_prognose_eur as double) as clientgebonden_prognose_eur,
       cast(null as double) as reserve_eind_eur
from marts.resultaat_jaar as r
union all
select 'mo' as bron, m.jaar, m.versie, null as versie_rang,
       cast(m.resultaat_eur as double) as resultaat_eur,
       null as clientgebonden_gerealiseerd_eur, null as clientgebonden_prognose_eur,
       cast(m.reserve_eind_eur as double) as reserve_eind_eur
from marts.mo_resultaat_jaar as m
order by bron, jaar, versie_rang desc
