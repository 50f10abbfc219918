-- The Wlz page's month rows, each summed over the allowed gemeenten (dashboard/visuals/wlz.py):
-- for every month of [$van, $tot] the uitstroom to the Wlz, its cumulative since the month the
-- Wlz opened to ggz clients (seeds/wlz_ggz.csv; as wlz_cumulatief.sql counts it: 0 before that
-- month and after the peildatum's), and the Wlz requests by decision. `m` is the month as
-- year * 12 + month - 1; open_sinds is on every row.
with sinds as (
    select cast(min(w.open_sinds) as date) as open_sinds,
           cast(date_trunc('month', cast(min(w.open_sinds) as date)) as date) as eerste,
           (select cast(date_trunc('month', max(i.peildatum)) as date) from marts.warehouse_info as i) as laatste
    from seeds.wlz_ggz as w
),

maanden as (  -- from the opening (or $van when earlier) on: the cumulative needs the months before $van
    select cast(unnest(generate_series(least(sinds.eerste, $van::date), $tot::date, interval 1 month)) as date)
        as maand
    from sinds
),

wlz as (
    select s.maand, sum(s.uitstroom_wlz) as uitstroom_wlz
    from marts.stromen_maand as s
    where list_contains($gemeenten::varchar[], s.gemeente_code)
      and s.maand <= $tot::date
    group by s.maand
),

aanvragen as (
    select w.maand,
           sum(w.aanvragen) as aanvragen, sum(w.toegekend) as toegekend, sum(w.afgewezen) as afgewezen,
           sum(w.in_behandeling) as in_behandeling, sum(w.ingetrokken) as ingetrokken
    from marts.wlz_aanvragen_maand as w
    where list_contains($gemeenten::varchar[], w.gemeente_code)
      and w.maand between $van::date and $tot::date
    group by w.maand
),

reeks as (
    select maanden.maand, sinds.open_sinds,
           coalesce(wlz.uitstroom_wlz, 0) as uitstroom_wlz,
           case when maanden.maand between sinds.eerste and sinds.laatste
                then sum(case when maanden.maand >= sinds.eerste then coalesce(wlz.uitstroom_wlz, 0) else 0 end)
                         over (order by maanden.maand rows between unbounded preceding and current row)
                else 0 end as cumulatief
    from maanden
    cross join sinds
    left join wlz using (maand)
)

select cast(year(reeks.maand) * 12 + month(reeks.maand) - 1 as bigint) as m,
       cast(reeks.uitstroom_wlz as bigint) as uitstroom_wlz,
       cast(reeks.cumulatief as bigint) as cumulatief,
       cast(coalesce(aanvragen.aanvragen, 0) as bigint) as aanvragen,
       cast(coalesce(aanvragen.toegekend, 0) as bigint) as toegekend,
       cast(coalesce(aanvragen.afgewezen, 0) as bigint) as afgewezen,
       cast(coalesce(aanvragen.in_behandeling, 0) as bigint) as in_behandeling,
       cast(coalesce(aanvragen.ingetrokken, 0) as bigint) as ingetrokken,
       reeks.open_sinds
from reeks
left join aanvragen using (maand)
where reeks.maand >= $van::date
order by m
