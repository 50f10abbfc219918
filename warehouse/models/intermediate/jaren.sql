-- The years reported on: every year of the month calendar, plus every year with finance data
-- up to the peildatum's year (a budget for next year has no costs yet to set against it).
with maanden as (
    select * from intermediate.maanden
),

financien as (
    select * from staging.financien
),

meta as (
    select * from staging.meta
),

final as (
    select distinct jaar from maanden
    union
    select distinct financien.jaar
    from financien
    cross join meta
    where financien.jaar <= year(meta.peildatum)
)

select * from final
