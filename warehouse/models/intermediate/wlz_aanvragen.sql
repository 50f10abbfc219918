-- Wlz requests with the client's gemeente. The Wlz export has no gemeente, so it is taken from
-- the client's indications: the primary BW indication on the day (request day, or peildatum
-- for the open-request view), else the latest indication started by then, else the earliest.
-- Requests of clients without any indication keep a null gemeente (see marts.datakwaliteit).
with aanvragen as (
    select * from staging.wlz
),

tijdlijn as (
    select * from intermediate.primaire_indicatie_tijdlijn
),

indicaties as (
    select * from staging.indicaties
),

meta as (
    select * from staging.meta
),

genummerd as (
    select
        row_number() over (order by clientnummer, aanvraagdatum, besluit, besluitdatum) as aanvraag_id,
        aanvragen.*
    from aanvragen
),

peilmomenten as (
    select aanvraag_id, clientnummer, 'aanvraag' as moment, aanvraagdatum as dag from genummerd
    union all
    select genummerd.aanvraag_id, genummerd.clientnummer, 'peildatum', meta.peildatum
    from genummerd
    cross join meta
),

primair as (
    select peilmomenten.aanvraag_id, peilmomenten.moment, tijdlijn.gemeente_code
    from peilmomenten
    inner join tijdlijn
        on tijdlijn.clientnummer = peilmomenten.clientnummer
        and tijdlijn.begindatum <= peilmomenten.dag
        and (tijdlijn.einddatum is null or tijdlijn.einddatum >= peilmomenten.dag)
),

terugval as (
    select peilmomenten.aanvraag_id, peilmomenten.moment, indicaties.gemeente_code
    from peilmomenten
    inner join indicaties on indicaties.clientnummer = peilmomenten.clientnummer
    qualify row_number() over (
        partition by peilmomenten.aanvraag_id, peilmomenten.moment
        order by
            case when indicaties.ingangsdatum <= peilmomenten.dag then 0 else 1 end,
            case when indicaties.ingangsdatum <= peilmomenten.dag then indicaties.ingangsdatum end desc,
            indicaties.ingangsdatum asc,
            indicaties.toewijzingnummer desc
    ) = 1
),

gemeente_per_moment as (
    select
        peilmomenten.aanvraag_id,
        peilmomenten.moment,
        coalesce(primair.gemeente_code, terugval.gemeente_code) as gemeente_code
    from peilmomenten
    left join primair using (aanvraag_id, moment)
    left join terugval using (aanvraag_id, moment)
),

geboortejaren as (
    select clientnummer, max(geboortejaar) as geboortejaar
    from indicaties
    group by clientnummer
),

final as (
    select
        genummerd.aanvraag_id,
        genummerd.clientnummer,
        genummerd.aanvraagdatum,
        cast(date_trunc('month', genummerd.aanvraagdatum) as date) as maand,
        genummerd.besluit,
        genummerd.besluitdatum,
        genummerd.ingangsdatum_wlz,
        bij_aanvraag.gemeente_code as gemeente_code,
        op_peildatum.gemeente_code as gemeente_code_peildatum,
        geboortejaren.geboortejaar,
        year(meta.peildatum) - geboortejaren.geboortejaar as leeftijd_peildatum,
        genummerd.aanvraagdatum <= meta.peildatum as is_ingediend,
        genummerd.aanvraagdatum <= meta.peildatum and genummerd.besluit = 'In behandeling' as is_open
    from genummerd
    cross join meta
    left join gemeente_per_moment as bij_aanvraag
        on bij_aanvraag.aanvraag_id = genummerd.aanvraag_id and bij_aanvraag.moment = 'aanvraag'
    left join gemeente_per_moment as op_peildatum
        on op_peildatum.aanvraag_id = genummerd.aanvraag_id and op_peildatum.moment = 'peildatum'
    left join geboortejaren on geboortejaren.clientnummer = genummerd.clientnummer
)

select * from final
