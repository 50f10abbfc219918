-- Gemeente codes are always 'GM' + 4 digits in the doordecentralisatie marts too (the herkomst
-- and, where known, the verblijfsgemeente).
with codes as (
    select 'budget_jaar' as mart, gemeente_code from marts.budget_jaar
    union all select 'woonplaats_maand', gemeente_code from marts.woonplaats_maand
    union all select 'woonplaats_maand verblijf', verblijf_gemeente_code from marts.woonplaats_maand
    where verblijf_gemeente_code is not null
    union all select 'cohort_maand', gemeente_code from marts.cohort_maand
)

select mart, gemeente_code, count(*) as rijen
from codes
where gemeente_code is null or not regexp_full_match(gemeente_code, 'GM[0-9]{4}')
group by mart, gemeente_code
