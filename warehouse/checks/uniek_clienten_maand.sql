-- marts.clienten_maand has one row per maand, gemeente_code, tussenvorm, leveringsvorm: the contract's grain.
select maand, gemeente_code, tussenvorm, leveringsvorm, count(*) as rijen
from marts.clienten_maand
group by maand, gemeente_code, tussenvorm, leveringsvorm
having count(*) > 1
