-- marts.kosten_maand has one row per maand, gemeente_code, leveringsvorm: the contract's grain.
select maand, gemeente_code, leveringsvorm, count(*) as rijen
from marts.kosten_maand
group by maand, gemeente_code, leveringsvorm
having count(*) > 1
