-- Length of stay of MO episodes, as marts.verblijfsduur for BW (same status, gemeente and
-- uitstroomjaar; see intermediate.doelgroep_verblijf), in classes that suit stays of days to
-- months: a spoedopvang lasts days, an opvang weeks to months.
with duren as (
    select * from intermediate.doelgroep_verblijf
    where doelgroep = 'MO'
),

klassen as (
    select
        *,
        case
            when dagen <= 7 then 1
            when dagen <= 30 then 2
            when dagen < 91 then 3
            when dagen < 183 then 4
            else 5
        end as klasse_volgorde
    from duren
),

final as (
    select
        gemeente_code,
        status,
        uitstroomjaar,
        case klasse_volgorde
            when 1 then 'een week of korter'
            when 2 then '8 dagen tot 1 maand'
            when 3 then '1 tot 3 maanden'
            when 4 then '3 tot 6 maanden'
            else 'een half jaar of langer'
        end as duurklasse,
        klasse_volgorde,
        count(*) as episodes
    from klassen
    group by all
)

select * from final
