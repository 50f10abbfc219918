-- The BW indications that count: BW product and started on or before the peildatum.
with indicaties as (
    select * from intermediate.indicaties_met_tussenvorm
),

final as (
    select *
    from indicaties
    where is_bw and is_gestart
)

select * from final
