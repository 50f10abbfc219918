-- The MO marts have one row per stated grain (contract section 3).
select 'mo_clienten_maand' as mart, count(*) as rijen
from marts.mo_clienten_maand
group by maand, gemeente_code, opvangvorm, leveringsvorm
having count(*) > 1
union all
select 'mo_stromen_maand', count(*)
from marts.mo_stromen_maand
group by maand, gemeente_code
having count(*) > 1
union all
select 'mo_kosten_maand', count(*)
from marts.mo_kosten_maand
group by maand, gemeente_code
having count(*) > 1
union all
select 'mo_resultaat_jaar', count(*)
from marts.mo_resultaat_jaar
group by jaar, versie
having count(*) > 1
union all
select 'doelgroep_overgangen_maand', count(*)
from marts.doelgroep_overgangen_maand
group by maand, gemeente_code, richting
having count(*) > 1
