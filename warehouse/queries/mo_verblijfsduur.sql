-- MO episodes by duration class, per gemeente and status.
select v.gemeente_code, v.status, v.uitstroomjaar, v.duurklasse, v.klasse_volgorde,
       cast(v.episodes as bigint) as episodes
from marts.mo_verblijfsduur as v
where list_contains($gemeenten::varchar[], v.gemeente_code)
order by v.klasse_volgorde
