-- One row per stated grain in marts.woonplaats_maand and marts.cohort_maand.
select 'woonplaats_maand' as mart, maand, gemeente_code, verblijf_gemeente_code as sleutel, count(*) as rijen
from marts.woonplaats_maand
group by all
having count(*) > 1
union all
select 'cohort_maand', maand, gemeente_code, cohort, count(*)
from marts.cohort_maand
group by all
having count(*) > 1
