-- Uitstroom naar de Wlz cumulated per gemeente since the Wlz opened to ggz clients
-- (seeds/wlz_ggz.csv, the one place of that date), per month x gemeente for the months of
-- [$van, $tot] from that date on. Every month from the opening to $tot (at most the peildatum's
-- month) has a row for every allowed gemeente, so a month without outflow carries the cumulative
-- on and the caller may sum the rows of a month over gemeenten.
with sinds as (
    select cast(min(w.open_sinds) as date) as open_sinds from seeds.wlz_ggz as w
),

grens as (
    select least(cast(date_trunc('month', $tot::date) as date),
                 cast(date_trunc('month', max(peildatum)) as date)) as tot
    from marts.warehouse_info
),

maanden as (
    select cast(unnest(generate_series(sinds.open_sinds, grens.tot, interval 1 month)) as date) as maand
    from sinds cross join grens
    where sinds.open_sinds <= grens.tot
),

raster as (
    select maanden.maand, g.gemeente_code
    from maanden
    cross join (select unnest($gemeenten::varchar[]) as gemeente_code) as g
),

per_maand as (
    select raster.maand, raster.gemeente_code, coalesce(s.uitstroom_wlz, 0) as uitstroom_wlz
    from raster
    left join marts.stromen_maand as s
        on s.maand = raster.maand and s.gemeente_code = raster.gemeente_code
),

cumulatief as (
    select
        maand,
        gemeente_code,
        cast(sum(uitstroom_wlz) over (partition by gemeente_code order by maand
                                      rows between unbounded preceding and current row) as bigint)
            as uitstroom_wlz_cumulatief
    from per_maand
)

select cumulatief.maand, cumulatief.gemeente_code, cumulatief.uitstroom_wlz_cumulatief, sinds.open_sinds
from cumulatief
cross join sinds
where cumulatief.maand >= cast(date_trunc('month', $van::date) as date)
order by cumulatief.maand, cumulatief.gemeente_code
