-- Financiën, the costs section in one query (dashboard/visuals/financien.py), for the allowed
-- gemeenten and leveringsvormen. Three parts, told apart by `deel`:
--   'gemeente': per gemeente the client costs of the peildatum's year, realised and forecast
--               (a gemeente without a name in marts.gemeenten is left out, as a grouping by name did);
--   'zin':      one row, the realised ZIN costs of that year over all those gemeenten;
--   'maand':    the realised costs of $van..$tot per month x gemeente x leveringsvorm, only
--               the columns the chart needs (summed per month x leveringsvorm in the visual:
--               the figures carry the sums' doubles, and no SQL sum gives pandas' last bits).
-- Per gemeente fsum adds its (at most two) leveringsvormen, the same double as pandas gave.
with jaar as (
    select year(peildatum) as jaar from marts.warehouse_info limit 1
),

kosten_jaar as (
    select k.gemeente_code, k.leveringsvorm,
           cast(k.gerealiseerd_eur as double) as gerealiseerd_eur,
           cast(k.prognose_eur as double) as prognose_eur
    from marts.kosten_jaar as k
    where k.jaar = (select jaar from jaar)
      and list_contains($gemeenten::varchar[], k.gemeente_code)
      and (len($leveringsvormen::varchar[]) = 0 or list_contains($leveringsvormen::varchar[], k.leveringsvorm))
)

select 'gemeente' as deel, cast(null as date) as maand, k.gemeente_code, g.gemeente_naam,
       cast(null as varchar) as leveringsvorm,
       fsum(k.gerealiseerd_eur) as gerealiseerd_eur, fsum(k.prognose_eur) as prognose_eur
from kosten_jaar as k
inner join marts.gemeenten as g using (gemeente_code)
where g.gemeente_naam is not null
group by k.gemeente_code, g.gemeente_naam

union all

select 'zin', null, null, null, null,
       coalesce(fsum(k.gerealiseerd_eur) filter (where k.leveringsvorm = 'ZIN'), 0), null
from kosten_jaar as k

union all

select 'maand', k.maand, k.gemeente_code, null, k.leveringsvorm, cast(k.kosten_eur as double), null
from marts.kosten_maand as k
where list_contains($gemeenten::varchar[], k.gemeente_code)
  and k.maand between $van::date and $tot::date
  and (len($leveringsvormen::varchar[]) = 0 or list_contains($leveringsvormen::varchar[], k.leveringsvorm))

order by deel, gemeente_naam, maand, gemeente_code, leveringsvorm
