-- The woonplaats section (dd-woonplaats, dd-woonplaats-matrix, gemeente-woonplaats) of one month
-- ($maand) in one query: one row per part (`deel`), so a page pays one query's fixed cost, not three.
--   'info'  marts.doordecentralisatie_info (one row, no client data);
--   'rij'   the month's herkomst x verblijf rows of the allowed gemeenten of herkomst ($gemeenten);
--   'hier'  per allowed gemeente the clients of other municipalities living in it (summed over all
--           origins: never a breakdown of another municipality).
select 'info' as deel, overgangsdatum, bw_indicaties, bw_indicaties_met_verblijf, budget_rijen
from marts.doordecentralisatie_info

union all by name

select 'rij' as deel, gemeente_code, verblijf_gemeente_code, binnen_regio, cast(actief as bigint) as actief
from marts.woonplaats_maand
where list_contains($gemeenten::varchar[], gemeente_code) and maand = $maand::date

union all by name

select 'hier' as deel, verblijf_gemeente_code as gemeente_code, cast(sum(actief) as bigint) as hier
from marts.woonplaats_maand
where list_contains($gemeenten::varchar[], verblijf_gemeente_code)
  and gemeente_code <> verblijf_gemeente_code
  and maand = $maand::date
group by verblijf_gemeente_code
