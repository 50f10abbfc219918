-- Pending Wlz requests on the peildatum per waiting-time class, summed over the allowed
-- gemeenten, in the order of the classes.
select o.leeftijdsklasse, cast(coalesce(sum(o.aanvragen), 0) as bigint) as aanvragen
from marts.wlz_aanvragen_open as o
where list_contains($gemeenten::varchar[], o.gemeente_code)
  and o.klasse_volgorde is not null
  and o.leeftijdsklasse is not null
group by o.klasse_volgorde, o.leeftijdsklasse
order by o.klasse_volgorde, o.leeftijdsklasse
