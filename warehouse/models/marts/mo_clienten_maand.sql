-- Contract mart. MO stand per month (on the last day, or the peildatum in its month) by
-- gemeente, opvangvorm and leveringsvorm of the primary MO indication (Opvang before
-- Spoedopvang): the splits add up to the total. Counted apart from BW: a client in both at once
-- is in both stands (see marts.doelgroep_overlap_maand).
with stand as (
    select * from intermediate.doelgroep_stand_maand
    where doelgroep = 'MO'
),

final as (
    select
        maand,
        gemeente_code,
        tussenvorm as opvangvorm,
        leveringsvorm,
        count(*) as actief
    from stand
    group by maand, gemeente_code, tussenvorm, leveringsvorm
)

select * from final
