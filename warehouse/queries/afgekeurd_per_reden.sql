-- Rejected rows counted by file and reason.
select bestand, soort, reden, cast(regels as bigint) as regels
from marts.afgekeurd_per_reden
order by regels desc, bestand, reden
