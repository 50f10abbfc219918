-- Region flows per month: sums over all municipalities of the region, for comparison only.
-- Never a row per gemeente.
select s.maand,
       cast(sum(s.instroom) as bigint) as instroom,
       cast(sum(s.nieuwe_clienten) as bigint) as nieuwe_clienten,
       cast(sum(s.uitstroom) as bigint) as uitstroom,
       cast(sum(s.uitstroom_wlz) as bigint) as uitstroom_wlz
from marts.stromen_maand as s
where s.gemeente_code in (select gemeente_code from marts.gemeenten)
  and s.maand between $van::date and $tot::date
group by s.maand
order by s.maand
