-- The region's result per year and version (region level).
select r.jaar, r.versie, r.versie_rang, r.meest_definitief,
       cast(r.baten_eur as double) as baten_eur,
       cast(r.zin_eur as double) as zin_eur,
       cast(r.pgb_eur as double) as pgb_eur,
       cast(r.clientgebonden_kosten_eur as double) as clientgebonden_kosten_eur,
       cast(r.clientgebonden_gerealiseerd_eur as double) as clientgebonden_gerealiseerd_eur,
       cast(r.clientgebonden_prognose_eur as double) as clientgebonden_prognose_eur,
       cast(r.begroting_clientgebonden_eur as double) as begroting_clientgebonden_eur,
       cast(r.niet_clientgebonden_kosten_eur as double) as niet_clientgebonden_kosten_eur,
       cast(r.resultaat_eur as double) as resultaat_eur
from marts.resultaat_jaar as r
order by r.jaar, r.versie_rang desc
