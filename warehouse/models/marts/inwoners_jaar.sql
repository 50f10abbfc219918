-- CBS population per year and gemeente: on 1 January (per-1.000 figures) and on 31 December
-- (the distribution key), with the CBS day actually used and a Dutch label when it is a fallback.
with inwoners as (
    select * from intermediate.inwoners_gekozen
),

final as (
    select
        jaar,
        gemeente_code,
        any_value(inwoners) filter (where doel = '1 januari') as inwoners_1_januari,
        any_value(gebruikte_peildag) filter (where doel = '1 januari') as peildag_1_januari,
        any_value(toelichting) filter (where doel = '1 januari') as toelichting_1_januari,
        any_value(inwoners) filter (where doel = '31 december') as inwoners_31_december,
        any_value(gebruikte_peildag) filter (where doel = '31 december') as peildag_31_december,
        any_value(toelichting) filter (where doel = '31 december') as toelichting_31_december
    from inwoners
    group by jaar, gemeente_code
)

select * from final
