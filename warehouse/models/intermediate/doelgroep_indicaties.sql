-- The indications that count in a doelgroep (BW or MO): a BW or MO product, started on or
-- before the peildatum. The BW and MO figures are built from here by the same models, each
-- partitioned by doelgroep, so one definition serves both groups.
with indicaties as (
    select * from intermediate.indicaties_met_tussenvorm
),

final as (
    select *
    from indicaties
    where doelgroep is not null and is_gestart
)

select * from final
