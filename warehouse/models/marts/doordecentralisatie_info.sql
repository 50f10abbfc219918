-- One row: what the doordecentralisatie screens need to know before they show anything, so
-- they can say what is missing instead of guessing: the region's transition date, how many BW
-- indications carry a verblijfsgemeente, and how many budget rows the region has.
with overgang as (
    select * from staging.regio_overgang
),

indicaties as (
    select * from intermediate.bw_indicaties
),

budget as (
    select * from marts.budget_jaar
),

final as (
    select
        (select max(overgangsdatum) from overgang) as overgangsdatum,
        (select count(*) from indicaties) as bw_indicaties,
        (select count(gemeente_code_verblijf) from indicaties) as bw_indicaties_met_verblijf,
        (select count(*) filter (where budget_aangeleverd) from budget) as budget_rijen
)

select * from final
