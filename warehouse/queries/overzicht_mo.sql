-- The Overzicht's MO cards in one row, over the allowed gemeenten: the MO stand at the end of
-- $tot, the MO in- and new clients over $van..$tot, and the shifts between MO and BW over the
-- same months (one query instead of three frames of a row per gemeente to add up).
select
    (select cast(coalesce(sum(c.actief), 0) as bigint) from marts.mo_clienten_maand as c
     where list_contains($gemeenten::varchar[], c.gemeente_code) and c.maand = $tot::date) as actief,
    (select cast(coalesce(sum(s.instroom), 0) as bigint) from marts.mo_stromen_maand as s
     where list_contains($gemeenten::varchar[], s.gemeente_code)
       and s.maand between $van::date and $tot::date) as instroom,
    (select cast(coalesce(sum(s.nieuwe_clienten), 0) as bigint) from marts.mo_stromen_maand as s
     where list_contains($gemeenten::varchar[], s.gemeente_code)
       and s.maand between $van::date and $tot::date) as nieuwe_clienten,
    (select cast(coalesce(sum(o.aantal) filter (where o.richting = 'MO naar BW'), 0) as bigint)
     from marts.doelgroep_overgangen_maand as o
     where list_contains($gemeenten::varchar[], o.gemeente_code)
       and o.maand between $van::date and $tot::date) as mo_naar_bw,
    (select cast(coalesce(sum(o.aantal) filter (where o.richting = 'BW naar MO'), 0) as bigint)
     from marts.doelgroep_overgangen_maand as o
     where list_contains($gemeenten::varchar[], o.gemeente_code)
       and o.maand between $van::date and $tot::date) as bw_naar_mo
