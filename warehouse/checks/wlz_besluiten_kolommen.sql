-- marts.wlz_aanvragen_maand has one column per decision in seeds/wlz_besluiten.csv, and no other
-- decision column: a decision added to the seed stops the publish until the mart counts it.
with besluit_kolommen as (
    select c.column_name as kolom
    from information_schema.columns as c
    where c.table_schema = 'marts' and c.table_name = 'wlz_aanvragen_maand'
      and c.column_name not in ('maand', 'gemeente_code', 'aanvragen')
),

final as (
    select coalesce(s.kolom, m.kolom) as kolom,
           case when m.kolom is null then 'besluit uit de seed zonder kolom in de mart'
                else 'kolom in de mart zonder besluit in de seed' end as probleem
    from seeds.wlz_besluiten as s
    full outer join besluit_kolommen as m on m.kolom = s.kolom
    where s.kolom is null or m.kolom is null
)

select * from final
