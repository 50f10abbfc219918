-- marts.stromen_maand has one row per maand, gemeente_code: the contract's grain.
select maand, gemeente_code, count(*) as rijen
from marts.stromen_maand
group by maand, gemeente_code
having count(*) > 1
