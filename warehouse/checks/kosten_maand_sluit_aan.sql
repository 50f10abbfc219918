-- kosten_maand holds every euro of the toegekend BW declaration lines plus the PGB spending,
-- mo_kosten_maand those of the MO lines, and with the lines set aside in datakwaliteit (unknown
-- toewijzing, or one in neither group) every toegekend euro: spreading over months neither
-- creates nor loses a cent.
with bronnen as (
    select
        (select coalesce(sum(bedrag_eur), 0) from staging.declaraties where status = 'Toegekend')
            as toegekend_eur,
        (select coalesce(sum(besteed_eur), 0) from staging.pgb) as pgb_eur,
        (select coalesce(sum(bedrag_eur), 0) from marts.datakwaliteit
            where soort in ('Declaratie op onbekende toewijzing', 'Declaratie op toewijzing buiten BW en MO'))
            as apart_gezet_eur,
        (select coalesce(sum(kosten_eur), 0) from marts.kosten_maand) as kosten_maand_eur,
        (select coalesce(sum(kosten_eur), 0) from marts.mo_kosten_maand) as mo_kosten_maand_eur
)

select *
from bronnen
where kosten_maand_eur + mo_kosten_maand_eur <> toegekend_eur - apart_gezet_eur + pgb_eur
