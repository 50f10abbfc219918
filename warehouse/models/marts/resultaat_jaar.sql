-- Contract mart. The BW result per year ('lopend': realised, plus the forecast to 31 December
-- in the peildatum's year) for every year with finance data up to the peildatum's year.
--   resultaat = baten - clientgebonden kosten - niet-clientgebonden kosten
-- Realised and forecast are carried apart. The fixed versions (voorlopig/definitief) are the
-- frozen rows of their records in the state store, copied in through staging.resultaat_versies,
-- never recomputed: a record from before a column existed leaves that column empty.
with financien as (
    select * from staging.financien
),

kosten_jaar as (
    select * from intermediate.kosten_jaar
),

meta as (
    select * from staging.meta
),

versies as (
    select * from staging.resultaat_versies where geldt
),

posten as (
    select
        financien.jaar,
        sum(bedrag_eur) filter (where post_sleutel = 'integratie-uitkering bw') as baten_eur,
        sum(bedrag_eur) filter (where post_sleutel = 'uitvoeringskosten bw') as niet_clientgebonden_kosten_eur,
        sum(bedrag_eur) filter (where post_sleutel = 'begroting clientgebonden kosten bw') as begroting_clientgebonden_eur
    from financien
    cross join meta
    where financien.jaar <= year(meta.peildatum)
    group by financien.jaar
),

kosten as (
    select
        jaar,
        sum(gerealiseerd_eur) filter (where leveringsvorm = 'ZIN') as zin_gerealiseerd_eur,
        sum(prognose_eur) filter (where leveringsvorm = 'ZIN') as zin_prognose_eur,
        sum(gerealiseerd_eur) filter (where leveringsvorm = 'PGB') as pgb_gerealiseerd_eur,
        sum(prognose_eur) filter (where leveringsvorm = 'PGB') as pgb_prognose_eur
    from kosten_jaar
    group by jaar
),

bedragen as (
    select
        posten.jaar,
        cast(coalesce(posten.baten_eur, 0) as decimal(18, 2)) as baten_eur,
        cast(coalesce(posten.niet_clientgebonden_kosten_eur, 0) as decimal(18, 2)) as niet_clientgebonden_kosten_eur,
        cast(posten.begroting_clientgebonden_eur as decimal(18, 2)) as begroting_clientgebonden_eur,
        cast(coalesce(kosten.zin_gerealiseerd_eur, 0) as decimal(18, 2)) as zin_gerealiseerd_eur,
        cast(coalesce(kosten.zin_prognose_eur, 0) as decimal(18, 2)) as zin_prognose_eur,
        cast(coalesce(kosten.pgb_gerealiseerd_eur, 0) as decimal(18, 2)) as pgb_gerealiseerd_eur,
        cast(coalesce(kosten.pgb_prognose_eur, 0) as decimal(18, 2)) as pgb_prognose_eur
    from posten
    left join kosten on kosten.jaar = posten.jaar
),

lopend as (
    select
        jaar,
        'lopend' as versie,
        baten_eur,
        cast(zin_gerealiseerd_eur + zin_prognose_eur + pgb_gerealiseerd_eur + pgb_prognose_eur
            as decimal(18, 2)) as clientgebonden_kosten_eur,
        niet_clientgebonden_kosten_eur,
        cast(baten_eur - (zin_gerealiseerd_eur + zin_prognose_eur + pgb_gerealiseerd_eur + pgb_prognose_eur)
            - niet_clientgebonden_kosten_eur as decimal(18, 2)) as resultaat_eur,
        cast(zin_gerealiseerd_eur + zin_prognose_eur as decimal(18, 2)) as zin_eur,
        cast(pgb_gerealiseerd_eur + pgb_prognose_eur as decimal(18, 2)) as pgb_eur,
        zin_gerealiseerd_eur,
        zin_prognose_eur,
        pgb_gerealiseerd_eur,
        pgb_prognose_eur,
        cast(zin_gerealiseerd_eur + pgb_gerealiseerd_eur as decimal(18, 2)) as clientgebonden_gerealiseerd_eur,
        cast(zin_prognose_eur + pgb_prognose_eur as decimal(18, 2)) as clientgebonden_prognose_eur,
        begroting_clientgebonden_eur
    from bedragen
),

vastgesteld as (
    select
        jaar,
        versie,
        cast(resultaat ->> 'baten_eur' as decimal(18, 2)) as baten_eur,
        cast(resultaat ->> 'clientgebonden_kosten_eur' as decimal(18, 2)) as clientgebonden_kosten_eur,
        cast(resultaat ->> 'niet_clientgebonden_kosten_eur' as decimal(18, 2)) as niet_clientgebonden_kosten_eur,
        cast(resultaat ->> 'resultaat_eur' as decimal(18, 2)) as resultaat_eur,
        cast(resultaat ->> 'zin_eur' as decimal(18, 2)) as zin_eur,
        cast(resultaat ->> 'pgb_eur' as decimal(18, 2)) as pgb_eur,
        cast(resultaat ->> 'zin_gerealiseerd_eur' as decimal(18, 2)) as zin_gerealiseerd_eur,
        cast(resultaat ->> 'zin_prognose_eur' as decimal(18, 2)) as zin_prognose_eur,
        cast(resultaat ->> 'pgb_gerealiseerd_eur' as decimal(18, 2)) as pgb_gerealiseerd_eur,
        cast(resultaat ->> 'pgb_prognose_eur' as decimal(18, 2)) as pgb_prognose_eur,
        cast(resultaat ->> 'clientgebonden_gerealiseerd_eur' as decimal(18, 2)) as clientgebonden_gerealiseerd_eur,
        cast(resultaat ->> 'clientgebonden_prognose_eur' as decimal(18, 2)) as clientgebonden_prognose_eur,
        cast(resultaat ->> 'begroting_clientgebonden_eur' as decimal(18, 2)) as begroting_clientgebonden_eur
    from versies
),

versies_samen as (
    select * from lopend
    union all by name
    select * from vastgesteld
),

-- which version of a year counts: definitief before voorlopig before lopend (the one rule;
-- screens and reports read versie_rang and meest_definitief, they do not rank again)
final as (
    select
        *,
        case versie when 'definitief' then 1 when 'voorlopig' then 2 else 3 end as versie_rang,
        row_number() over (
            partition by jaar
            order by case versie when 'definitief' then 1 when 'voorlopig' then 2 else 3 end
        ) = 1 as meest_definitief
    from versies_samen
)

select * from final
