-- Clients in the BW stand and the MO stand on the same standdag (both counted in each group's
-- stand), per month and the gemeente of their primary MO indication that day.
with stand as (
    select * from intermediate.doelgroep_stand_maand
),

final as (
    select
        mo.maand,
        mo.gemeente_code,
        count(*) as aantal
    from stand as mo
    inner join stand as bw
        on bw.maand = mo.maand
        and bw.clientnummer = mo.clientnummer
        and bw.doelgroep = 'BW'
    where mo.doelgroep = 'MO'
    group by all
)

select * from final
