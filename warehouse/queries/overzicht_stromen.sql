-- The Overzicht's flow cards in one row: in-, door- and outflow summed over the allowed gemeenten
-- for the analysis period (`_nu`: the last twelve months' shift of $van up to $tot) and the same
-- period a year earlier (`_toen`: $van up to twelve months before $tot); asked with $van the
-- earlier period's first month, so the two sums come from one scan.
select
    cast(coalesce(sum(s.instroom) filter (where s.maand >= $van::date + interval 12 month), 0) as bigint) as instroom_nu,
    cast(coalesce(sum(s.nieuwe_clienten) filter (where s.maand >= $van::date + interval 12 month), 0) as bigint)
        as nieuwe_clienten_nu,
    cast(coalesce(sum(s.uitstroom) filter (where s.maand >= $van::date + interval 12 month), 0) as bigint) as uitstroom_nu,
    cast(coalesce(sum(s.uitstroom_wlz) filter (where s.maand >= $van::date + interval 12 month), 0) as bigint)
        as uitstroom_wlz_nu,
    cast(coalesce(sum(s.instroom) filter (where s.maand <= $tot::date - interval 12 month), 0) as bigint) as instroom_toen,
    cast(coalesce(sum(s.nieuwe_clienten) filter (where s.maand <= $tot::date - interval 12 month), 0) as bigint)
        as nieuwe_clienten_toen,
    cast(coalesce(sum(s.uitstroom) filter (where s.maand <= $tot::date - interval 12 month), 0) as bigint)
        as uitstroom_toen,
    cast(coalesce(sum(s.uitstroom_wlz) filter (where s.maand <= $tot::date - interval 12 month), 0) as bigint)
        as uitstroom_wlz_toen
from marts.stromen_maand as s
where list_contains($gemeenten::varchar[], s.gemeente_code)
  and s.maand between $van::date and $tot::date
