-- Length of stay of BW episodes: those still in care on the peildatum (duration to the
-- peildatum, gemeente of the primary indication that day) and those that ended (duration to the
-- last day, gemeente on the last day, by year of uitstroom; see intermediate.doelgroep_verblijf).
-- Classes in days (a year = 365 days) because they are for reading trends, not for settling
-- money.
with duren as (
    select * from intermediate.doelgroep_verblijf
    where doelgroep = 'BW'
),

klassen as (
    select
        *,
        case
            when dagen < 183 then 1
            when dagen < 365 then 2
            when dagen < 730 then 3
            when dagen < 1825 then 4
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
            when 1 then 'korter dan een half jaar'
            when 2 then 'half jaar tot 1 jaar'
            when 3 then '1 tot 2 jaar'
            when 4 then '2 tot 5 jaar'
            else '5 jaar of langer'
        end as duurklasse,
        klasse_volgorde,
        count(*) as episodes
    from klassen
    group by all
)

select * from final
