-- Client costs per month x gemeente x leveringsvorm.
select k.maand, k.gemeente_code, g.gemeente_naam, k.leveringsvorm,
       cast(k.kosten_eur as double) as kosten_eur
from marts.kosten_maand as k
left join marts.gemeenten as g using (gemeente_code)
where list_contains($gemeenten::varchar[], k.gemeente_code)
  and k.maand between $van::date and $tot::date
  and (len($leveringsvormen::varchar[]) = 0 or list_contains($leveringsvormen::varchar[], k.leveringsvorm))
order by k.maand, k.gemeente_code, k.leveringsvorm
