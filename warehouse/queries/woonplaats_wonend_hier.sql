-- Per month and allowed gemeente: the clients living in it whose gemeente van herkomst is
-- another municipality (summed over all origins: never a breakdown of another municipality).
select w.maand, w.verblijf_gemeente_code as gemeente_code, cast(sum(w.actief) as bigint) as actief
from marts.woonplaats_maand as w
where list_contains($gemeenten::varchar[], w.verblijf_gemeente_code)
  and w.gemeente_code <> w.verblijf_gemeente_code
  and w.maand between $van::date and $tot::date
group by all
order by 1, 2
