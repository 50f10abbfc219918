-- Rejected lines with the whole line as delivered (JSON), per file in file order.
select bestand, soort, regel, kolom, waarde, reden, rij
from marts.afgekeurde_regels
order by bestand, regel, kolom
