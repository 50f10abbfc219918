-- The published warehouse's metadata (one row).
select peildatum, regio, geladen_op, versie
from marts.warehouse_info
limit 1
