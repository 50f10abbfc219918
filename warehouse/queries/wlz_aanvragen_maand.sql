-- Wlz requests per month of request x gemeente, by decision.
select w.maand, w.gemeente_code,
       cast(w.aanvragen as bigint) as aanvragen, cast(w.toegekend as bigint) as toegekend,
       cast(w.afgewezen as bigint) as afgewezen, cast(w.in_behandeling as bigint) as in_behandeling,
       cast(w.ingetrokken as bigint) as ingetrokken
from marts.wlz_aanvragen_maand as w
where list_contains($gemeenten::varchar[], w.gemeente_code)
  and w.maand between $van::date and $tot::date
order by w.maand, w.gemeente_code
