-- The Datakwaliteit page in one query: one row per part (`deel`), in the part's order (`volgorde`),
-- so the page pays one query's fixed cost instead of five. The first four parts are what their own
-- queries give (laadlog.sql, afgekeurd_per_reden.sql, afgekeurde_regels.sql,
-- producten_buiten_catalogus.sql: the tests, reports and benchmark read those); the caller decides
-- who may see them (kern/datalaag/marts.py).
--   'laadlog'    every file the ETL has read;
--   'afgekeurd'  rejected rows by file and reason;
--   'regels'     every rejected line with the whole line as delivered (JSON);
--   'producten'  category-15 product codes missing from the catalogue;
--   'balans'     the data check whether the flow explains the stand, per month for the whole region:
--                stand(month) - stand(previous month) - instroom + uitstroom (0 when the books
--                balance); only for a caller who may see the region ($balans).
with stand as (
    select maand, sum(actief) as actief
    from marts.clienten_maand
    where $balans::boolean
    group by maand
),

stromen as (
    select maand, sum(instroom) as instroom, sum(uitstroom) as uitstroom
    from marts.stromen_maand
    where $balans::boolean
    group by maand
),

balans as (
    select s.maand,
           cast(lag(s.actief) over (order by s.maand) as bigint) as stand_vorige,
           cast(coalesce(f.instroom, 0) as bigint) as instroom,
           cast(coalesce(f.uitstroom, 0) as bigint) as uitstroom,
           cast(s.actief as bigint) as stand,
           cast(s.actief - lag(s.actief) over (order by s.maand) - coalesce(f.instroom, 0)
                + coalesce(f.uitstroom, 0) as bigint) as verschil
    from stand as s
    left join stromen as f using (maand)
)

select 'laadlog' as deel, row_number() over (order by geladen_op desc, bestand) as volgorde,
       geladen_op, bestand, soort, peildatum, regels_gelezen, regels_geladen, regels_afgekeurd,
       regels_overgeslagen, status
from marts.laadlog

union all by name

select 'afgekeurd' as deel, row_number() over (order by regels desc, bestand, reden) as volgorde,
       bestand, soort, reden, cast(regels as bigint) as regels
from marts.afgekeurd_per_reden

union all by name

select 'regels' as deel, row_number() over (order by bestand, regel, kolom) as volgorde,
       bestand, soort, regel, kolom, waarde, reden, rij
from marts.afgekeurde_regels

union all by name

select 'producten' as deel, row_number() over (order by indicaties desc, productcode) as volgorde,
       productcode, productcategorie, cast(indicaties as bigint) as indicaties,
       cast(clienten as bigint) as clienten
from marts.producten_buiten_catalogus

union all by name

select 'balans' as deel, row_number() over (order by maand) as volgorde, *
from balans
where stand_vorige is not null

order by deel, volgorde
