-- The BW indications that count: BW product and started on or before the peildatum.
with indicaties as (
    select * from intermediate.doelgroep_indicaties
),

final as (
    select *
    from indicaties
    where doelgroep = 'BW'
)

select * from final
