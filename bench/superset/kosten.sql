-- Superset dataset "bwmo_kosten": marts.kosten_maand with the municipality's name.
-- Read by bench/superset_bench.py.
select k.maand, k.gemeente_code, g.gemeente_naam, k.leveringsvorm, k.kosten_eur
from marts.kosten_maand as k
inner join marts.gemeenten as g on k.gemeente_code = g.gemeente_code
