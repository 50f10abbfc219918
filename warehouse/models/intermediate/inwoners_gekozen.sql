-- The CBS population used per year, gemeente and purpose:
--   '1 januari'   population on 1 January of the year (per-1.000 figures),
--   '31 december' population on 31 December = CBS 1 January of the next year (distribution key).
-- When the wanted count day is not published: the latest figure before it, else the earliest
-- after it, labelled in Dutch so nobody mistakes it for the real thing.
with jaren as (
    select * from intermediate.jaren
),

regio as (
    select * from staging.regio
),

cbs as (
    select * from staging.cbs
),

maandnamen as (
    select ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus',
            'september', 'oktober', 'november', 'december'] as namen
),

doelen as (
    select
        jaren.jaar,
        regio.gemeente_code,
        doel.doel,
        case doel.doel
            when '1 januari' then make_date(jaren.jaar, 1, 1)
            else make_date(jaren.jaar + 1, 1, 1)
        end as gezochte_peildag
    from jaren
    cross join regio
    cross join (values ('1 januari'), ('31 december')) as doel (doel)
),

kandidaten as (
    select
        doelen.*,
        cbs.peildag_bevolking,
        cbs.inwoners,
        cbs.voorlopig
    from doelen
    left join cbs on cbs.gemeente_code = doelen.gemeente_code
    qualify row_number() over (
        partition by doelen.jaar, doelen.gemeente_code, doelen.doel
        order by
            case
                when cbs.peildag_bevolking = doelen.gezochte_peildag then 0
                when cbs.peildag_bevolking < doelen.gezochte_peildag then 1
                else 2
            end,
            case when cbs.peildag_bevolking < doelen.gezochte_peildag then cbs.peildag_bevolking end desc,
            case when cbs.peildag_bevolking > doelen.gezochte_peildag then cbs.peildag_bevolking end asc,
            cbs.voorlopig asc
    ) = 1
),

final as (
    select
        jaar,
        gemeente_code,
        doel,
        gezochte_peildag,
        peildag_bevolking as gebruikte_peildag,
        inwoners,
        voorlopig,
        case
            when peildag_bevolking is null then 'Geen CBS-bevolkingscijfer beschikbaar'
            when peildag_bevolking <> gezochte_peildag then
                'CBS ' || day(gezochte_peildag) || ' ' || maandnamen.namen[month(gezochte_peildag)]
                || ' ' || year(gezochte_peildag) || ' niet beschikbaar; gebruikt: '
                || day(peildag_bevolking) || ' ' || maandnamen.namen[month(peildag_bevolking)]
                || ' ' || year(peildag_bevolking)
                || case when voorlopig then ' (voorlopig)' else '' end
            when voorlopig then 'CBS ' || day(peildag_bevolking) || ' '
                || maandnamen.namen[month(peildag_bevolking)] || ' ' || year(peildag_bevolking)
                || ' is voorlopig'
        end as toelichting
    from kandidaten
    cross join maandnamen
)

select * from final
