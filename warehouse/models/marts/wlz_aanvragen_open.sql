-- Wlz requests pending on the peildatum (decision 'In behandeling'), by gemeente and by how
-- long they have been waiting (the request's age on the peildatum). During the transition these
-- clients' Wmo indications were extended: the longer a request waits, the more it costs.
with aanvragen as (
    select * from intermediate.wlz_aanvragen
),

meta as (
    select * from staging.meta
),

klassen as (
    select
        aanvragen.gemeente_code_peildatum as gemeente_code,
        case
            when meta.peildatum - aanvragen.aanvraagdatum < 30 then 1
            when meta.peildatum - aanvragen.aanvraagdatum < 91 then 2
            when meta.peildatum - aanvragen.aanvraagdatum < 182 then 3
            when meta.peildatum - aanvragen.aanvraagdatum < 365 then 4
            else 5
        end as klasse_volgorde
    from aanvragen
    cross join meta
    where aanvragen.is_open and aanvragen.gemeente_code_peildatum is not null
),

final as (
    select
        gemeente_code,
        case klasse_volgorde
            when 1 then 'korter dan 1 maand'
            when 2 then '1 tot 3 maanden'
            when 3 then '3 tot 6 maanden'
            when 4 then '6 tot 12 maanden'
            else '1 jaar of langer'
        end as leeftijdsklasse,
        klasse_volgorde,
        count(*) as aanvragen
    from klassen
    group by all
)

select * from final
