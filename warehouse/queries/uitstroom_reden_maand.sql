-- Uitstroom per month x gemeente x WMO588 reason.
select u.maand, u.gemeente_code, u.reden_code, u.reden_omschrijving, u.naar_wlz,
       cast(u.uitstroom as bigint) as uitstroom
from marts.uitstroom_reden_maand as u
where list_contains($gemeenten::varchar[], u.gemeente_code)
  and u.maand between $van::date and $tot::date
order by u.maand, u.gemeente_code, u.reden_code
