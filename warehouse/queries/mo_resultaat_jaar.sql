-- The MO result and the Reserve MO per year (region level: not distributed).
select r.jaar, r.versie,
       cast(r.baten_eur as double) as baten_eur,
       cast(r.clientgebonden_kosten_eur as double) as clientgebonden_kosten_eur,
       cast(r.clientgebonden_gerealiseerd_eur as double) as clientgebonden_gerealiseerd_eur,
       cast(r.clientgebonden_prognose_eur as double) as clientgebonden_prognose_eur,
       cast(r.uitvoeringskosten_eur as double) as uitvoeringskosten_eur,
       cast(r.uitvoeringsnorm_eur as double) as uitvoeringsnorm_eur,
       cast(r.resultaat_eur as double) as resultaat_eur,
       cast(r.onttrekking_eur as double) as onttrekking_eur,
       cast(r.reserve_begin_eur as double) as reserve_begin_eur,
       cast(r.reserve_eind_eur as double) as reserve_eind_eur
from marts.mo_resultaat_jaar as r
order by r.jaar
