-- MO episodes per duration class, summed over the allowed gemeenten: those in care on the
-- peildatum and those that ended in the years of [$van, $tot] (the Maatschappelijke opvang
-- page's length of stay), in the order of the classes.
select v.duurklasse,
       cast(coalesce(sum(v.episodes) filter (where v.status = 'in zorg'), 0) as bigint) as in_zorg,
       cast(coalesce(sum(v.episodes) filter (where v.status = 'uitgestroomd'), 0) as bigint) as uitgestroomd
from marts.mo_verblijfsduur as v
where list_contains($gemeenten::varchar[], v.gemeente_code)
  and (v.status = 'in zorg' or v.uitstroomjaar between year($van::date) and year($tot::date))
  and v.klasse_volgorde is not null
  and v.duurklasse is not null
group by v.klasse_volgorde, v.duurklasse
order by v.klasse_volgorde, v.duurklasse
