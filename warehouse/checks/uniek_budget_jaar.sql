-- marts.budget_jaar has one row per jaar, gemeente_code: the contract's grain.
select jaar, gemeente_code, count(*) as rijen
from marts.budget_jaar
group by jaar, gemeente_code
having count(*) > 1
