-- The whole region in one row, for comparison only (sums over all municipalities of the region,
-- never a row per gemeente): the stand at the end of $tot with the tussenvorm and leveringsvorm
-- filters, the flows over $van..$tot (no filters: they count episodes), and the population on
-- 1 January of the latest year up to $tot's year that has one (what regio_clienten_maand,
-- regio_stromen_maand and regio_inwoners_jaar gave the Overzicht in three queries).
with regio as (select gemeente_code from marts.gemeenten),
inwoners as (
    select i.jaar, cast(sum(i.inwoners_1_januari) as bigint) as inwoners
    from marts.inwoners_jaar as i
    where i.gemeente_code in (select gemeente_code from regio)
    group by i.jaar
)
select
    (select cast(coalesce(sum(c.actief), 0) as bigint)
     from marts.clienten_maand as c
     where c.gemeente_code in (select gemeente_code from regio)
       and c.maand = $tot::date
       and (len($tussenvormen::varchar[]) = 0 or list_contains($tussenvormen::varchar[], c.tussenvorm))
       and (len($leveringsvormen::varchar[]) = 0 or list_contains($leveringsvormen::varchar[], c.leveringsvorm))
    ) as actief,
    s.instroom, s.nieuwe_clienten, s.uitstroom, s.uitstroom_wlz,
    (select w.inwoners from inwoners as w
     where w.jaar <= year($tot::date) and w.inwoners is not null
     order by w.jaar desc limit 1) as inwoners
from (
    select cast(coalesce(sum(st.instroom), 0) as bigint) as instroom,
           cast(coalesce(sum(st.nieuwe_clienten), 0) as bigint) as nieuwe_clienten,
           cast(coalesce(sum(st.uitstroom), 0) as bigint) as uitstroom,
           cast(coalesce(sum(st.uitstroom_wlz), 0) as bigint) as uitstroom_wlz
    from marts.stromen_maand as st
    where st.gemeente_code in (select gemeente_code from regio)
      and st.maand between $van::date and $tot::date
) as s
