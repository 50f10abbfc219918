-- Region totals per month (sums over all municipalities of the region) for the reports'
-- comparison of a municipality with its region: never a breakdown by gemeente.
with gem as (
    select gemeente_code from marts.gemeenten
),
stand as (
    select maand, sum(actief) as actief
    from marts.clienten_maand
    where gemeente_code in (select gemeente_code from gem)
    group by maand
),
stromen as (
    select maand, sum(instroom) as instroom, sum(nieuwe_clienten) as nieuwe_clienten,
           sum(uitstroom) as uitstroom, sum(uitstroom_wlz) as uitstroom_wlz
    from marts.stromen_maand
    where gemeente_code in (select gemeente_code from gem)
    group by maand
),
kosten as (
    select maand,
           sum(kosten_eur) filter (where leveringsvorm = 'ZIN') as kosten_zin_eur,
           sum(kosten_eur) filter (where leveringsvorm = 'PGB') as kosten_pgb_eur
    from marts.kosten_maand
    where gemeente_code in (select gemeente_code from gem)
    group by maand
),
maanden as (
    select maand from stand union select maand from stromen union select maand from kosten
)
select m.maand,
       cast(coalesce(s.actief, 0) as bigint) as actief,
       cast(coalesce(f.instroom, 0) as bigint) as instroom,
       cast(coalesce(f.nieuwe_clienten, 0) as bigint) as nieuwe_clienten,
       cast(coalesce(f.uitstroom, 0) as bigint) as uitstroom,
       cast(coalesce(f.uitstroom_wlz, 0) as bigint) as uitstroom_wlz,
       cast(coalesce(k.kosten_zin_eur, 0) as double) as kosten_zin_eur,
       cast(coalesce(k.kosten_pgb_eur, 0) as double) as kosten_pgb_eur
from maanden as m
left join stand as s using (maand)
left join stromen as f using (maand)
left join kosten as k using (maand)
order by m.maand
