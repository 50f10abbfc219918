-- Contract mart. Voorlopig and definitief side by side per municipality: the difference is what each pays
-- (negative) or receives (positive) in the final settlement.
with verdeling as (
    select jaar, versie, gemeente_code, resultaat_eur
    from marts.resultaat_verdeling
    where versie in ('voorlopig', 'definitief')
),

per_gemeente as (
    select
        jaar,
        gemeente_code,
        max(resultaat_eur) filter (where versie = 'voorlopig') as voorlopig_eur,
        max(resultaat_eur) filter (where versie = 'definitief') as definitief_eur
    from verdeling
    group by jaar, gemeente_code
),

final as (
    select
        jaar,
        gemeente_code,
        voorlopig_eur,
        definitief_eur,
        definitief_eur - voorlopig_eur as verschil_eur
    from per_gemeente
)

select * from final
