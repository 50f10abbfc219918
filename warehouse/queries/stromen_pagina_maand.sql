-- The In- en uitstroom page's month rows: per month the stand (all tussenvormen and
-- leveringsvormen) and the flows, each summed over the allowed gemeenten, so the page adds up
-- nothing itself (dashboard/visuals/stromen.py: the month table and the flow bridge). A month
-- without a stand or a flow has no row; `m` is the month as year * 12 + month - 1.
with stand as (
    select c.maand, sum(c.actief) as actief
    from marts.clienten_maand as c
    where list_contains($gemeenten::varchar[], c.gemeente_code)
      and c.maand between $van::date and $tot::date
    group by c.maand
),

stromen as (
    select s.maand,
           sum(s.instroom) as instroom,
           sum(s.nieuwe_clienten) as nieuwe_clienten,
           sum(s.uitstroom) as uitstroom,
           sum(s.uitstroom_wlz) as uitstroom_wlz
    from marts.stromen_maand as s
    where list_contains($gemeenten::varchar[], s.gemeente_code)
      and s.maand between $van::date and $tot::date
    group by s.maand
)

select cast(year(maand) * 12 + month(maand) - 1 as bigint) as m,
       cast(coalesce(stand.actief, 0) as bigint) as actief,
       cast(coalesce(stromen.instroom, 0) as bigint) as instroom,
       cast(coalesce(stromen.nieuwe_clienten, 0) as bigint) as nieuwe_clienten,
       cast(coalesce(stromen.uitstroom, 0) as bigint) as uitstroom,
       cast(coalesce(stromen.uitstroom_wlz, 0) as bigint) as uitstroom_wlz
from stand
full outer join stromen using (maand)
order by m
