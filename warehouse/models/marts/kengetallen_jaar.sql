-- Key figures per year and gemeente of the region, also per 1.000 inhabitants (CBS population
-- on 1 January of the year, or the fallback labelled in marts.inwoners_jaar).
-- actief_einde = stand on 31 December, or on the peildatum in the peildatum's year.
with jaren as (
    select * from intermediate.jaren
),

maanden as (
    select * from intermediate.maanden
),

regio as (
    select * from staging.regio
),

stand as (
    select * from intermediate.stand_maand
),

stromen as (
    select * from marts.stromen_maand
),

kosten_jaar as (
    select * from intermediate.kosten_jaar
),

inwoners as (
    select * from intermediate.inwoners_gekozen where doel = '1 januari'
),

laatste_maand_per_jaar as (
    select jaar, max(maand) as maand from maanden group by jaar
),

actief_einde as (
    select laatste_maand_per_jaar.jaar, stand.gemeente_code, count(*) as actief_einde
    from laatste_maand_per_jaar
    inner join stand on stand.maand = laatste_maand_per_jaar.maand
    group by all
),

stromen_jaar as (
    select
        year(maand) as jaar,
        gemeente_code,
        cast(sum(instroom) as bigint) as instroom,
        cast(sum(nieuwe_clienten) as bigint) as nieuwe_clienten,
        cast(sum(uitstroom) as bigint) as uitstroom,
        cast(sum(uitstroom_wlz) as bigint) as uitstroom_wlz
    from stromen
    group by all
),

kosten as (
    select jaar, gemeente_code, sum(totaal_eur) as kosten_eur
    from kosten_jaar
    group by all
),

samen as (
    select
        jaren.jaar,
        regio.gemeente_code,
        coalesce(actief_einde.actief_einde, 0) as actief_einde,
        coalesce(stromen_jaar.instroom, 0) as instroom,
        coalesce(stromen_jaar.nieuwe_clienten, 0) as nieuwe_clienten,
        coalesce(stromen_jaar.uitstroom, 0) as uitstroom,
        coalesce(stromen_jaar.uitstroom_wlz, 0) as uitstroom_wlz,
        cast(coalesce(kosten.kosten_eur, 0) as decimal(18, 2)) as kosten_eur,
        inwoners.inwoners
    from jaren
    cross join regio
    left join actief_einde using (jaar, gemeente_code)
    left join stromen_jaar using (jaar, gemeente_code)
    left join kosten using (jaar, gemeente_code)
    left join inwoners using (jaar, gemeente_code)
),

final as (
    select
        *,
        actief_einde * 1000.0 / nullif(inwoners, 0) as actief_per_1000,
        instroom * 1000.0 / nullif(inwoners, 0) as instroom_per_1000,
        uitstroom_wlz * 1000.0 / nullif(inwoners, 0) as uitstroom_wlz_per_1000,
        cast(kosten_eur as double) / nullif(inwoners, 0) as kosten_per_inwoner_eur
    from samen
)

select * from final
