-- Gemeente codes are always 'GM' + 4 digits (CBS StatLine keys), in every mart that has one.
with codes as (
    select 'clienten_maand' as mart, gemeente_code from marts.clienten_maand
    union all select 'stromen_maand', gemeente_code from marts.stromen_maand
    union all select 'kosten_maand', gemeente_code from marts.kosten_maand
    union all select 'resultaat_verdeling', gemeente_code from marts.resultaat_verdeling
    union all select 'gemeenten', gemeente_code from marts.gemeenten
    union all select 'inwoners_jaar', gemeente_code from marts.inwoners_jaar
    union all select 'uitstroom_reden_maand', gemeente_code from marts.uitstroom_reden_maand
    union all select 'doorstroom_maand', gemeente_code from marts.doorstroom_maand
    union all select 'mo_clienten_maand', gemeente_code from marts.mo_clienten_maand
    union all select 'mo_stromen_maand', gemeente_code from marts.mo_stromen_maand
    union all select 'mo_kosten_maand', gemeente_code from marts.mo_kosten_maand
    union all select 'mo_verblijfsduur', gemeente_code from marts.mo_verblijfsduur
    union all select 'doelgroep_overgangen_maand', gemeente_code from marts.doelgroep_overgangen_maand
    union all select 'verblijfsduur', gemeente_code from marts.verblijfsduur
    union all select 'wlz_aanvragen_maand', gemeente_code from marts.wlz_aanvragen_maand
    union all select 'wlz_aanvragen_open', gemeente_code from marts.wlz_aanvragen_open
    union all select 'kosten_jaar', gemeente_code from marts.kosten_jaar
    union all select 'kengetallen_jaar', gemeente_code from marts.kengetallen_jaar
)

select mart, gemeente_code, count(*) as rijen
from codes
where gemeente_code is null or not regexp_full_match(gemeente_code, 'GM[0-9]{4}')
group by mart, gemeente_code
