-- Realised and forecast client costs per year x gemeente x leveringsvorm.
select k.jaar, k.gemeente_code, g.gemeente_naam, k.leveringsvorm,
       cast(k.gerealiseerd_eur as double) as gerealiseerd_eur,
       cast(k.prognose_eur as double) as prognose_eur
from marts.kosten_jaar as k
left join marts.gemeenten as g using (gemeente_code)
where list_contains($gemeenten::varchar[], k.gemeente_code)
  and (len($leveringsvormen::varchar[]) = 0 or list_contains($leveringsvormen::varchar[], k.leveringsvorm))
order by k.jaar, k.gemeente_code, k.leveringsvorm
