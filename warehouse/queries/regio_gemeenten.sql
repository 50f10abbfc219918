-- The municipalities of the published region (not client data).
select gemeente_code, gemeente_naam, subregio_code, subregio_naam, centrumgemeente
from marts.gemeenten
order by gemeente_naam
