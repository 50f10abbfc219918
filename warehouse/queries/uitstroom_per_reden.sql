-- Uitstroom per WMO588 reason, summed over the allowed gemeenten and the period, largest first
-- (the In- en uitstroom page's reasons; ties in the order of the reason).
select u.reden_code, u.reden_omschrijving, u.naar_wlz,
       cast(coalesce(sum(u.uitstroom), 0) as bigint) as uitstroom
from marts.uitstroom_reden_maand as u
where list_contains($gemeenten::varchar[], u.gemeente_code)
  and u.maand between $van::date and $tot::date
group by u.reden_code, u.reden_omschrijving, u.naar_wlz
order by uitstroom desc, u.reden_code, u.reden_omschrijving, u.naar_wlz
