-- Herkomst x verblijf per month (rows of the allowed gemeenten of herkomst only).
select w.maand, w.gemeente_code, g.gemeente_naam, w.verblijf_gemeente_code,
       coalesce(v.gemeente_naam, w.verblijf_gemeente_code) as verblijf_naam, w.binnen_regio,
       case when w.verblijf_gemeente_code is null then 'onbekend' when w.binnen_regio then 'binnen'
            else 'buiten' end as plaats,
       cast(w.actief as bigint) as actief
from marts.woonplaats_maand as w
left join marts.gemeenten as g using (gemeente_code)
left join marts.gemeenten as v on v.gemeente_code = w.verblijf_gemeente_code
where list_contains($gemeenten::varchar[], w.gemeente_code)
  and w.maand between $van::date and $tot::date
order by w.maand, w.gemeente_code, w.verblijf_gemeente_code
