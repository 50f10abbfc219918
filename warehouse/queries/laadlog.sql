-- Every file the ETL has read.
select geladen_op, bestand, soort, peildatum, regels_gelezen, regels_geladen, regels_afgekeurd, status
from marts.laadlog
order by geladen_op desc, bestand
