-- Woonplaatsbeginsel: per month the stand (primary-indication rule, as clienten_maand) by
-- gemeente van herkomst (gemeente_code, the responsible municipality) and the municipality the
-- client lives in during the care (verblijf_gemeente_code, from Gemeentecode_verblijf of the
-- primary indication on the standdag). Where the export carries no verblijfsgemeente the
-- client is counted with verblijf_gemeente_code and binnen_regio null (unknown, never guessed),
-- so the rows of a month add up to the stand.
--   binnen_regio: the verblijfsgemeente is one of the region's municipalities.
with stand as (
    select * from intermediate.stand_maand
),

indicaties as (
    select * from staging.indicaties
),

gemeenten as (
    select * from staging.regio
),

met_verblijf as (
    select
        stand.maand,
        stand.gemeente_code,
        indicaties.gemeente_code_verblijf as verblijf_gemeente_code,
        stand.clientnummer
    from stand
    left join indicaties on indicaties.toewijzingnummer = stand.toewijzingnummer
),

final as (
    select
        met_verblijf.maand,
        met_verblijf.gemeente_code,
        met_verblijf.verblijf_gemeente_code,
        case
            when met_verblijf.verblijf_gemeente_code is null then null
            else gemeenten.gemeente_code is not null
        end as binnen_regio,
        count(distinct met_verblijf.clientnummer) as actief
    from met_verblijf
    left join gemeenten on gemeenten.gemeente_code = met_verblijf.verblijf_gemeente_code
    group by all
)

select * from final
