-- Contract mart. The BW result of each year divided over the region's municipalities
-- (convenant art. 8.5): key = 0.5 x population share (31 December = CBS 1 January next year)
-- + 0.5 x cost share (client costs by gemeente van herkomst, realised + forecast).
-- Shares are rounded to the cent; the remainder goes to the largest share by absolute value,
-- flagged in afrondingscent, so the shares add up to the result exactly.
-- When one half of the key has nothing to divide (no population, or zero total costs) the other
-- half carries the whole key, so the key still adds up to 1.
-- Only the running ('lopend') result is divided here; a fixed version keeps the distribution
-- frozen in its record (staging.resultaat_versies), whatever the population or costs are now.
with resultaat as (
    select * from marts.resultaat_jaar where versie = 'lopend'
),

versies as (
    select * from staging.resultaat_versies where geldt
),

regio as (
    select * from staging.regio
),

inwoners as (
    select * from intermediate.inwoners_gekozen where doel = '31 december'
),

kosten_jaar as (
    select * from intermediate.kosten_jaar
),

kosten_per_gemeente as (
    select jaar, gemeente_code, sum(totaal_eur) as kosten_eur
    from kosten_jaar
    group by jaar, gemeente_code
),

basis as (
    select
        resultaat.jaar,
        resultaat.versie,
        resultaat.resultaat_eur as resultaat_totaal_eur,
        regio.gemeente_code,
        inwoners.inwoners,
        inwoners.gebruikte_peildag as inwoners_peildag,
        inwoners.toelichting as inwoners_toelichting,
        cast(coalesce(kosten_per_gemeente.kosten_eur, 0) as decimal(18, 2)) as kosten_eur
    from resultaat
    cross join regio
    left join inwoners
        on inwoners.jaar = resultaat.jaar and inwoners.gemeente_code = regio.gemeente_code
    left join kosten_per_gemeente
        on kosten_per_gemeente.jaar = resultaat.jaar and kosten_per_gemeente.gemeente_code = regio.gemeente_code
),

aandelen as (
    select
        *,
        cast(coalesce(inwoners, 0) as double)
            / nullif(sum(coalesce(inwoners, 0)) over w, 0) as inwoners_aandeel,
        cast(kosten_eur as double) / nullif(cast(sum(kosten_eur) over w as double), 0) as kosten_aandeel,
        count(*) over w as aantal_gemeenten
    from basis
    window w as (partition by jaar, versie)
),

delen as (
    select
        *,
        -- the part of the key each half carries: half each, or the whole key for the one half
        -- that has something to divide
        case
            when inwoners_aandeel is not null and kosten_aandeel is not null then 0.5 * inwoners_aandeel
            else inwoners_aandeel
        end as inwoners_deel,
        case
            when inwoners_aandeel is not null and kosten_aandeel is not null then 0.5 * kosten_aandeel
            else kosten_aandeel
        end as kosten_deel
    from aandelen
),

sleutels as (
    select
        *,
        case
            when inwoners_deel is null and kosten_deel is null then 1.0 / aantal_gemeenten
            else coalesce(inwoners_deel, 0) + coalesce(kosten_deel, 0)
        end as verdeelsleutel
    from delen
),

afgerond as (
    select
        *,
        cast(resultaat_totaal_eur as double) * verdeelsleutel as onafgerond_eur,
        cast(round(cast(resultaat_totaal_eur as double) * verdeelsleutel, 2) as decimal(18, 2)) as afgerond_eur
    from sleutels
),

met_rest as (
    select
        *,
        resultaat_totaal_eur - sum(afgerond_eur) over w as rest_eur,
        row_number() over (partition by jaar, versie order by abs(onafgerond_eur) desc, gemeente_code) = 1
            as is_grootste
    from afgerond
    window w as (partition by jaar, versie)
),

lopend as (
    select
        jaar,
        versie,
        gemeente_code,
        inwoners,
        inwoners_peildag,
        inwoners_toelichting,
        inwoners_aandeel,
        inwoners_deel,
        kosten_eur,
        kosten_aandeel,
        kosten_deel,
        verdeelsleutel,
        cast(afgerond_eur + case when is_grootste then rest_eur else 0 end as decimal(18, 2)) as resultaat_eur,
        is_grootste and rest_eur <> 0 as afrondingscent
    from met_rest
),

vastgesteld as (
    select
        versies.jaar,
        versies.versie,
        rij ->> 'gemeente_code' as gemeente_code,
        cast(rij ->> 'inwoners' as bigint) as inwoners,
        cast(rij ->> 'inwoners_peildag' as date) as inwoners_peildag,
        rij ->> 'inwoners_toelichting' as inwoners_toelichting,
        cast(rij ->> 'inwoners_aandeel' as double) as inwoners_aandeel,
        cast(rij ->> 'kosten_eur' as decimal(18, 2)) as kosten_eur,
        cast(rij ->> 'kosten_aandeel' as double) as kosten_aandeel,
        -- empty in a record fixed before the halves were kept
        cast(rij ->> 'inwoners_deel' as double) as inwoners_deel,
        cast(rij ->> 'kosten_deel' as double) as kosten_deel,
        cast(rij ->> 'verdeelsleutel' as double) as verdeelsleutel,
        cast(rij ->> 'resultaat_eur' as decimal(18, 2)) as resultaat_eur,
        cast(rij ->> 'afrondingscent' as boolean) as afrondingscent
    from versies
    cross join unnest(cast(versies.verdeling as json[])) as t(rij)
),

versies_samen as (
    select * from lopend
    union all by name
    select * from vastgesteld
),

final as (
    select
        versies_samen.*,
        resultaat_jaar.versie_rang,
        resultaat_jaar.meest_definitief
    from versies_samen
    inner join marts.resultaat_jaar as resultaat_jaar using (jaar, versie)
)

select * from final
