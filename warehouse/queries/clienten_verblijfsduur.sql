-- Episodes by duration class and status summed over the allowed gemeenten (no row per gemeente):
-- the Cliënten page's duration chart, which keeps the episodes in care and those that left in
-- the years of the analysis period.
select v.status, v.uitstroomjaar, v.duurklasse, v.klasse_volgorde, cast(sum(v.episodes) as bigint) as episodes
from marts.verblijfsduur as v
where list_contains($gemeenten::varchar[], v.gemeente_code)
group by v.status, v.uitstroomjaar, v.duurklasse, v.klasse_volgorde
order by v.klasse_volgorde, v.duurklasse, v.status, v.uitstroomjaar
