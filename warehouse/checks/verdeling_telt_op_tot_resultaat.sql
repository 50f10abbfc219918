-- The distributed shares add up to the year's result to the cent, the key to 1, and at most
-- one row per year carries the rounding remainder.
with verdeling as (
    select
        jaar,
        versie,
        sum(resultaat_eur) as verdeeld_eur,
        sum(verdeelsleutel) as sleutel_totaal,
        count(*) filter (where afrondingscent) as afrondingsrijen
    from marts.resultaat_verdeling
    group by jaar, versie
)

select
    resultaat_jaar.jaar,
    resultaat_jaar.versie,
    resultaat_jaar.resultaat_eur,
    verdeling.verdeeld_eur,
    verdeling.sleutel_totaal,
    verdeling.afrondingsrijen
from marts.resultaat_jaar as resultaat_jaar
left join verdeling using (jaar, versie)
where (select count(*) from marts.gemeenten) > 0
    and (
        verdeling.verdeeld_eur is distinct from resultaat_jaar.resultaat_eur
        or abs(verdeling.sleutel_totaal - 1) > 1e-9
        or verdeling.afrondingsrijen > 1
    )
