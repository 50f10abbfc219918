-- Superset dataset "bwmo_clienten": marts.clienten_maand with the municipality's name, so the
-- chart per gemeente shows names as the monitor does. Read by bench/superset_bench.py.
select c.maand, c.gemeente_code, g.gemeente_naam, c.tussenvorm, c.leveringsvorm, c.actief
from marts.clienten_maand as c
inner join marts.gemeenten as g on c.gemeente_code = g.gemeente_code
