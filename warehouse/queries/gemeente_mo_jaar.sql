-- The Gemeente page's MO block per year in one query (dashboard/visuals/opvang_overzicht.py), for
-- the allowed gemeenten ($gemeenten: the page's one code), the four row queries it used to add up
-- (mo_clienten_maand, mo_stromen_maand, doelgroep_overgangen_maand, mo_kosten_jaar) in one answer.
-- Parts, told apart by `deel`, one row per year that has any:
--   'stand':    a = the MO stand of the month the year ends in ($tot: the last month of the data;
--               an earlier year: December);
--   'stromen':  a = instroom, b = uitstroom, summed over the year's months;
--   'overgang': a = shifts MO naar BW, b = BW naar MO, summed over the year's months;
--   'kosten':   the year's costs rows as they are (gerealiseerd_eur, prognose_eur; the visual adds
--               them as it added mo_kosten_jaar's, NaN as 0).
select 'stand' as deel, year(c.maand) as jaar, cast(sum(c.actief) as bigint) as a, cast(null as bigint) as b,
       cast(null as double) as gerealiseerd_eur, cast(null as double) as prognose_eur
from marts.mo_clienten_maand as c
where list_contains($gemeenten::varchar[], c.gemeente_code)
  and c.maand = least($tot::date, make_date(year(c.maand), 12, 1))
group by year(c.maand)

union all

select 'stromen', year(s.maand), cast(sum(s.instroom) as bigint), cast(sum(s.uitstroom) as bigint), null, null
from marts.mo_stromen_maand as s
where list_contains($gemeenten::varchar[], s.gemeente_code)
group by year(s.maand)

union all

select 'overgang', year(o.maand),
       cast(coalesce(sum(o.aantal) filter (where o.richting = 'MO naar BW'), 0) as bigint),
       cast(coalesce(sum(o.aantal) filter (where o.richting = 'BW naar MO'), 0) as bigint), null, null
from marts.doelgroep_overgangen_maand as o
where list_contains($gemeenten::varchar[], o.gemeente_code)
group by year(o.maand)

union all

select 'kosten', k.jaar, null, null, cast(k.gerealiseerd_eur as double), cast(k.prognose_eur as double)
from marts.mo_kosten_jaar as k
where list_contains($gemeenten::varchar[], k.gemeente_code)

order by deel, jaar
