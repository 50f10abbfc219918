-- The history of fixed result versions, corrections included (region level).
select r.record_id, r.jaar, r.versie, r.vastgesteld_op, r.door, r.peildatum, r.warehouse_versie,
       r.vervangt, r.vervangen_door, r.reden
from marts.resultaat_versies as r
order by r.jaar, r.versie, r.record_id
