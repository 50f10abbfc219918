-- Wlz requests pending on the peildatum (decision 'In behandeling'), by gemeente and age class.
-- During the transition these clients' Wmo indications were extended: a cost risk to watch.
with aanvragen as (
    select * from intermediate.wlz_aanvragen
),

klassen as (
    select
        gemeente_code_peildatum as gemeente_code,
        case
            when leeftijd_peildatum is null then 5
            when leeftijd_peildatum < 30 then 1
            when leeftijd_peildatum < 50 then 2
            when leeftijd_peildatum < 65 then 3
            else 4
        end as klasse_volgorde
    from aanvragen
    where is_open and gemeente_code_peildatum is not null
),

final as (
    select
        gemeente_code,
        case klasse_volgorde
            when 1 then 'jonger dan 30 jaar'
            when 2 then '30 tot 50 jaar'
            when 3 then '50 tot 65 jaar'
            when 4 then '65 jaar en ouder'
            else 'onbekend'
        end as leeftijdsklasse,
        klasse_volgorde,
        count(*) as aanvragen
    from klassen
    group by all
)

select * from final
