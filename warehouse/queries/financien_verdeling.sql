-- Financiën, the settlement section in one query (dashboard/visuals/financien.py and versies.py):
-- the rows of marts.resultaat_verdeling of the one year the page shows, every version of it, with
-- each gemeente's fixed shares of marts.verrekening beside them. The year: the latest with a
-- fixed version (voorlopig or definitief); without one, the latest complete year before the
-- peildatum's year; else the latest year. The version shown is the year's meest_definitief.
with lopend as (
    select year(peildatum) as jaar from marts.warehouse_info limit 1
),

gekozen as (
    select coalesce(max(jaar) filter (where versie in ('voorlopig', 'definitief')),
                    max(jaar) filter (where jaar < (select jaar from lopend)),
                    max(jaar)) as jaar
    from marts.resultaat_verdeling
)

select v.jaar, v.versie, v.meest_definitief, v.gemeente_code, g.gemeente_naam,
       cast(v.inwoners as bigint) as inwoners, v.inwoners_aandeel, v.inwoners_deel,
       cast(v.kosten_eur as double) as kosten_eur, v.kosten_aandeel, v.kosten_deel, v.verdeelsleutel,
       cast(v.resultaat_eur as double) as resultaat_eur,
       v.inwoners_peildag, v.inwoners_toelichting, v.afrondingscent,
       cast(r.voorlopig_eur as double) as voorlopig_eur,
       cast(r.definitief_eur as double) as definitief_eur,
       cast(r.verschil_eur as double) as verschil_eur
from marts.resultaat_verdeling as v
left join marts.gemeenten as g using (gemeente_code)
left join marts.verrekening as r using (jaar, gemeente_code)
where v.jaar = (select jaar from gekozen)
order by v.versie, g.gemeente_naam, v.gemeente_code
