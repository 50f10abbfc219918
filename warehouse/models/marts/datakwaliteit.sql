-- Data-quality findings that do not stop a publish but must be visible: money or clients that
-- a figure leaves out, or a forecast without a rate.
with declaratie_kosten as (
    select * from intermediate.declaratie_kosten_maand
),

zin_prognose as (
    select * from intermediate.zin_prognose
),

producten_buiten_catalogus as (
    select * from marts.producten_buiten_catalogus
),

wlz as (
    select * from intermediate.wlz_aanvragen
),

financien as (
    select * from staging.financien
),

niet_toegerekende_declaraties as (
    select
        case when toewijzing_bekend then 'Declaratie op toewijzing buiten BW en MO'
            else 'Declaratie op onbekende toewijzing' end as soort,
        toewijzingnummer as sleutel,
        count(distinct regelnummer) as aantal,
        cast(sum(kosten_eur) as decimal(18, 2)) as bedrag_eur,
        'toegekende regels, niet in kosten_maand of mo_kosten_maand' as toelichting
    from declaratie_kosten
    -- declarations on MO toewijzingen are MO costs (marts.mo_kosten_maand), not a finding
    where doelgroep is null
    group by all
),

prognose_zonder_tarief as (
    select
        'ZIN-prognose zonder dagtarief' as soort,
        toewijzingnummer as sleutel,
        ongedekte_dagen as aantal,
        cast(0 as decimal(18, 2)) as bedrag_eur,
        'ongedekte dagen in ' || jaar || ' gewaardeerd op 0' as toelichting
    from zin_prognose
    where waardering = 'geen dagtarief' and ongedekte_dagen > 0
),

onbekende_producten as (
    select
        'Product buiten catalogus' as soort,
        productcode as sleutel,
        indicaties as aantal,
        cast(null as decimal(18, 2)) as bedrag_eur,
        case when telt_als_bw then 'categorie 15: telt als BW met tussenvorm Onbekend'
            else 'categorie ' || productcategorie || ': telt niet als BW' end as toelichting
    from producten_buiten_catalogus
),

wlz_zonder_gemeente as (
    select
        'Wlz-aanvraag van cliënt zonder indicatie' as soort,
        cast(null as varchar) as sleutel,
        count(*) as aantal,
        cast(null as decimal(18, 2)) as bedrag_eur,
        'niet in de Wlz-marts' as toelichting
    from wlz
    where gemeente_code is null
    having count(*) > 0
),

reserve_saldo_niet_gebruikt as (
    -- marts.mo_resultaat_jaar opens the Reserve MO once, in the earliest year with the post
    select
        'Reserve MO saldo 1 januari niet gebruikt' as soort,
        cast(jaar as varchar) as sleutel,
        1 as aantal,
        bedrag_eur,
        'de reserve volgt uit het saldo van het eerste jaar en de resultaten daarna' as toelichting
    from financien
    where post_sleutel = 'reserve mo saldo 1 januari'
        and jaar > (select min(jaar) from financien where post_sleutel = 'reserve mo saldo 1 januari')
),

samen as (
    select * from niet_toegerekende_declaraties
    union all by name
    select * from prognose_zonder_tarief
    union all by name
    select * from onbekende_producten
    union all by name
    select * from wlz_zonder_gemeente
    union all by name
    select * from reserve_saldo_niet_gebruikt
),

final as (
    select soort, sleutel, cast(aantal as bigint) as aantal, bedrag_eur, toelichting
    from samen
)

select * from final
