-- Pending Wlz requests on the peildatum, by age class.
select o.gemeente_code, o.leeftijdsklasse, o.klasse_volgorde, cast(o.aanvragen as bigint) as aanvragen
from marts.wlz_aanvragen_open as o
where list_contains($gemeenten::varchar[], o.gemeente_code)
order by o.klasse_volgorde
