-- resultaat = baten - clientgebonden - niet-clientgebonden; clientgebonden = realised +
-- forecast = ZIN + PGB; no forecast outside the peildatum's year.
select r.*
from marts.resultaat_jaar as r
cross join staging.meta as meta
where r.resultaat_eur <> r.baten_eur - r.clientgebonden_kosten_eur - r.niet_clientgebonden_kosten_eur
    or r.clientgebonden_kosten_eur <> r.clientgebonden_gerealiseerd_eur + r.clientgebonden_prognose_eur
    or r.clientgebonden_kosten_eur <> r.zin_eur + r.pgb_eur
    or (r.jaar <> year(meta.peildatum) and r.clientgebonden_prognose_eur <> 0)
