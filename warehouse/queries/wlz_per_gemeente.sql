-- Uitstroom to the Wlz per allowed gemeente over [$van, $tot], and its cumulative at $tot since
-- the month the Wlz opened to ggz clients (seeds/wlz_ggz.csv; as wlz_cumulatief.sql counts it:
-- 0 when $tot lies before that month or after the peildatum's): the Wlz page's bars per
-- gemeente. Only gemeenten with flows have a row.
with sinds as (
    select cast(date_trunc('month', cast(min(w.open_sinds) as date)) as date) as eerste,
           (select cast(date_trunc('month', max(i.peildatum)) as date) from marts.warehouse_info as i) as laatste
    from seeds.wlz_ggz as w
)

select s.gemeente_code,
       cast(coalesce(sum(s.uitstroom_wlz) filter (where s.maand >= $van::date), 0) as bigint) as uitstroom_wlz,
       cast(case when $tot::date between any_value(sinds.eerste) and any_value(sinds.laatste)
                 then coalesce(sum(s.uitstroom_wlz) filter (where s.maand >= sinds.eerste), 0)
                 else 0 end as bigint) as cumulatief
from marts.stromen_maand as s
cross join sinds
where list_contains($gemeenten::varchar[], s.gemeente_code)
  and s.maand <= $tot::date
group by s.gemeente_code
order by s.gemeente_code
