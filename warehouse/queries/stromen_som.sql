-- In-, door- and outflow summed over the allowed gemeenten and the period: one row (the KPI
-- cards and the comparison with the region need only the totals).
select cast(coalesce(sum(s.instroom), 0) as bigint) as instroom,
       cast(coalesce(sum(s.nieuwe_clienten), 0) as bigint) as nieuwe_clienten,
       cast(coalesce(sum(s.uitstroom), 0) as bigint) as uitstroom,
       cast(coalesce(sum(s.uitstroom_wlz), 0) as bigint) as uitstroom_wlz
from marts.stromen_maand as s
where list_contains($gemeenten::varchar[], s.gemeente_code)
  and s.maand between $van::date and $tot::date
