-- Contract mart. The history of fixed result versions, corrections included; their figures are
-- rows of resultaat_jaar and resultaat_verdeling with versie voorlopig / definitief.
with versies as (
    select * from staging.resultaat_versies
),

final as (
    select * exclude (geldt, resultaat, verdeling) from versies
)

select * from final
