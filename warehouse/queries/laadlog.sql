-- Every file the ETL has read, with the lines it left out by design (regels_overgeslagen).
select geladen_op, bestand, soort, peildatum, regels_gelezen, regels_geladen, regels_afgekeurd,
       regels_overgeslagen, status
from marts.laadlog
order by geladen_op desc, bestand
