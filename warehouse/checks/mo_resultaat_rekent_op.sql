-- MO result and Reserve MO add up: resultaat = baten - clientgebonden - uitvoeringskosten;
-- reserve_eind = reserve_begin + resultaat - onttrekking; each year starts where the year before
-- ended; no forecast outside the peildatum's year.
with r as (
    select
        *,
        lag(reserve_eind_eur) over (order by jaar) as vorige_reserve_eind_eur,
        lag(jaar) over (order by jaar) as vorig_jaar
    from marts.mo_resultaat_jaar
)

select r.*
from r
cross join staging.meta as meta
where r.resultaat_eur <> r.baten_eur - r.clientgebonden_kosten_eur - r.uitvoeringskosten_eur
    or r.clientgebonden_kosten_eur <> r.clientgebonden_gerealiseerd_eur + r.clientgebonden_prognose_eur
    or r.reserve_eind_eur <> r.reserve_begin_eur + r.resultaat_eur - r.onttrekking_eur
    or (r.vorige_reserve_eind_eur is not null and r.reserve_begin_eur is distinct from r.vorige_reserve_eind_eur)
    or (r.jaar <> year(meta.peildatum) and r.clientgebonden_prognose_eur <> 0)
