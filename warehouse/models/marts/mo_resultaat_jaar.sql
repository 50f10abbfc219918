-- Contract mart. The MO result per year ('lopend': realised, plus the ZIN forecast to
-- 31 December in the peildatum's year) for every year with finance data up to the peildatum's
-- year (convenant art. 8.3 and 8.7):
--   resultaat = Decentralisatie-uitkering MO - client costs on MO toewijzingen
--               - Uitvoeringskosten MO
--   uitvoeringsnorm = 5% of the uitkering (art. 8.3), to set the actual uitvoeringskosten against
-- The result is not distributed: it is settled with the Reserve MO (art. 8.7):
--   reserve_eind = reserve_begin + resultaat - onttrekking; the next year starts from it.
-- The first year's reserve_begin is the post 'Reserve MO saldo 1 januari' of the earliest year
-- that has it; years before that year have no reserve (null), and the post in a later year is
-- not used (the balance follows from the years before; marts.datakwaliteit lists it).
with financien as (
    select * from staging.financien
),

kosten_jaar as (
    select * from marts.mo_kosten_jaar
),

meta as (
    select * from staging.meta
),

posten as (
    select
        financien.jaar,
        sum(bedrag_eur) filter (where post_sleutel = 'decentralisatie-uitkering mo') as baten_eur,
        sum(bedrag_eur) filter (where post_sleutel = 'uitvoeringskosten mo') as uitvoeringskosten_eur,
        sum(bedrag_eur) filter (where post_sleutel = 'onttrekking reserve mo') as onttrekking_eur,
        sum(bedrag_eur) filter (where post_sleutel = 'reserve mo saldo 1 januari') as saldo_1_januari_eur
    from financien
    cross join meta
    where financien.jaar <= year(meta.peildatum)
    group by financien.jaar
),

kosten as (
    select jaar, sum(gerealiseerd_eur) as gerealiseerd_eur, sum(prognose_eur) as prognose_eur
    from kosten_jaar
    group by jaar
),

bedragen as (
    select
        posten.jaar,
        cast(coalesce(posten.baten_eur, 0) as decimal(18, 2)) as baten_eur,
        cast(coalesce(kosten.gerealiseerd_eur, 0) as decimal(18, 2)) as clientgebonden_gerealiseerd_eur,
        cast(coalesce(kosten.prognose_eur, 0) as decimal(18, 2)) as clientgebonden_prognose_eur,
        cast(coalesce(posten.uitvoeringskosten_eur, 0) as decimal(18, 2)) as uitvoeringskosten_eur,
        cast(coalesce(posten.onttrekking_eur, 0) as decimal(18, 2)) as onttrekking_eur,
        posten.saldo_1_januari_eur
    from posten
    left join kosten on kosten.jaar = posten.jaar
),

resultaten as (
    select
        *,
        cast(clientgebonden_gerealiseerd_eur + clientgebonden_prognose_eur as decimal(18, 2))
            as clientgebonden_kosten_eur,
        cast(baten_eur - clientgebonden_gerealiseerd_eur - clientgebonden_prognose_eur
            - uitvoeringskosten_eur as decimal(18, 2)) as resultaat_eur
    from bedragen
),

opening as (
    select arg_min(saldo_1_januari_eur, jaar) as saldo_eur, min(jaar) as eerste_jaar
    from resultaten
    where saldo_1_januari_eur is not null
),

reserve as (
    select
        resultaten.*,
        case when resultaten.jaar >= opening.eerste_jaar then
            opening.saldo_eur + sum(
                case when resultaten.jaar >= opening.eerste_jaar
                    then resultaten.resultaat_eur - resultaten.onttrekking_eur else 0 end
            ) over (order by resultaten.jaar rows unbounded preceding)
        end as reserve_eind_eur
    from resultaten
    cross join opening
),

final as (
    select
        jaar,
        'lopend' as versie,
        baten_eur,
        clientgebonden_kosten_eur,
        uitvoeringskosten_eur,
        -- 5% of the uitkering, rounded to the cent half away from zero
        cast(round(baten_eur * 0.05, 2) as decimal(18, 2)) as uitvoeringsnorm_eur,
        resultaat_eur,
        cast(reserve_eind_eur - resultaat_eur + onttrekking_eur as decimal(18, 2)) as reserve_begin_eur,
        cast(reserve_eind_eur as decimal(18, 2)) as reserve_eind_eur,
        onttrekking_eur,
        clientgebonden_gerealiseerd_eur,
        clientgebonden_prognose_eur
    from reserve
)

select * from final
