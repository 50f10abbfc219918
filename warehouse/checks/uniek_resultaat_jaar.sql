-- marts.resultaat_jaar has one row per jaar, versie: the contract's grain.
select jaar, versie, count(*) as rijen
from marts.resultaat_jaar
group by jaar, versie
having count(*) > 1
