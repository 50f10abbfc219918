-- marts.resultaat_verdeling has one row per jaar, versie, gemeente_code: the contract's grain.
select jaar, versie, gemeente_code, count(*) as rijen
from marts.resultaat_verdeling
group by jaar, versie, gemeente_code
having count(*) > 1
