-- The Maatschappelijke opvang page's month figures, each summed over the allowed gemeenten
-- (dashboard/visuals/opvang.py: the stand by opvangvorm, the flows that explain it, the shifts
-- between MO and BW and the overlap), as long rows: per month `m` (year * 12 + month - 1) a
-- `reeks` (stand, instroom, nieuwe_clienten, uitstroom, overgang, overlap) with its `sleutel`
-- (the opvangvorm of a stand, the richting of a shift, else '') and its `aantal`. A month without
-- a figure of a series has no row for it.
with stand as (
    select c.maand, 'stand' as reeks, c.opvangvorm as sleutel, sum(c.actief) as aantal
    from marts.mo_clienten_maand as c
    where list_contains($gemeenten::varchar[], c.gemeente_code)
      and c.maand between $van::date and $tot::date
    group by c.maand, c.opvangvorm
),

stromen as (
    select s.maand, sum(s.instroom) as instroom, sum(s.nieuwe_clienten) as nieuwe_clienten,
           sum(s.uitstroom) as uitstroom
    from marts.mo_stromen_maand as s
    where list_contains($gemeenten::varchar[], s.gemeente_code)
      and s.maand between $van::date and $tot::date
    group by s.maand
),

overgangen as (
    select o.maand, 'overgang' as reeks, o.richting as sleutel, sum(o.aantal) as aantal
    from marts.doelgroep_overgangen_maand as o
    where list_contains($gemeenten::varchar[], o.gemeente_code)
      and o.maand between $van::date and $tot::date
    group by o.maand, o.richting
),

overlap as (
    select o.maand, 'overlap' as reeks, '' as sleutel, sum(o.aantal) as aantal
    from marts.doelgroep_overlap_maand as o
    where list_contains($gemeenten::varchar[], o.gemeente_code)
      and o.maand between $van::date and $tot::date
    group by o.maand
),

alles as (
    select * from stand
    union all
    select maand, 'instroom', '', instroom from stromen
    union all
    select maand, 'nieuwe_clienten', '', nieuwe_clienten from stromen
    union all
    select maand, 'uitstroom', '', uitstroom from stromen
    union all
    select * from overgangen
    union all
    select * from overlap
)

select cast(year(maand) * 12 + month(maand) - 1 as bigint) as m, reeks, coalesce(sleutel, '') as sleutel,
       cast(coalesce(aantal, 0) as bigint) as aantal
from alles
order by m, reeks, sleutel
