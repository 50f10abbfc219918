-- The raw layer: what the ETL loaded, typed and validated, one table per export kind.
-- Every row carries where it came from, so a figure can be traced back to a file and line.
-- Snapshot kinds hold the rows of the newest snapshot only; increment kinds hold the
-- winning version of every key (newer peildatum wins).
create schema if not exists raw;

create table if not exists raw.meta (
    peildatum       date not null,        -- the export's peildatum: months and uitstroom run to it
    regio           varchar not null,     -- region name from config/regios.csv
    geladen_op      timestamp not null,   -- when this warehouse was built (local time)
    versie          varchar not null      -- unique id of this published warehouse
);

create table if not exists raw.regio (
    gemeente_code   varchar primary key,  -- GM + 4 digits
    gemeente_naam   varchar not null,
    subregio_code   varchar not null,
    subregio_naam   varchar not null,
    centrumgemeente boolean not null
);

create table if not exists raw.indicaties (
    clientnummer        varchar not null,
    gemeente_code       varchar not null,
    toewijzingnummer    varchar not null,
    productcategorie    varchar not null,   -- two digits, e.g. '15'
    productcode         varchar not null,
    leveringsvorm       varchar not null,   -- 'ZIN' or 'PGB'
    ingangsdatum        date not null,
    einddatum           date,               -- inclusive; null = open
    reden_beeindiging   varchar,            -- WMO588 code, two digits, e.g. '39'
    productomschrijving varchar,
    aanbieder           varchar,
    tarief              decimal(18, 4),     -- EUR per eenheid
    eenheid             varchar,            -- WJ756 code, two digits; '14' = etmaal
    geboortejaar        integer,
    geslacht            varchar,
    gemeente_code_verblijf varchar,         -- where the client lives during the care (any Dutch
                                            -- municipality); null when the export lacks it
    _bestand varchar not null, _regel integer not null, _peildatum date not null
);

create table if not exists raw.declaraties (
    regelnummer      varchar not null,
    toewijzingnummer varchar not null,
    periode_begin    date not null,
    periode_eind     date not null,
    bedrag           decimal(18, 2) not null,  -- negative = credit
    status           varchar not null,         -- 'Ingediend' / 'Toegekend' / 'Afgewezen'
    clientnummer     varchar,
    productcode      varchar,
    aanbieder        varchar,
    _bestand varchar not null, _regel integer not null, _peildatum date not null
);

create table if not exists raw.pgb (
    clientnummer  varchar not null,
    gemeente_code varchar not null,
    jaar          integer not null,
    maand         integer not null,
    besteed       decimal(18, 2) not null,
    budget        decimal(18, 2),
    _bestand varchar not null, _regel integer not null, _peildatum date not null
);

create table if not exists raw.wlz (
    clientnummer    varchar not null,
    aanvraagdatum   date not null,
    besluit         varchar not null,  -- 'Toegekend' / 'Afgewezen' / 'In behandeling' / 'Ingetrokken'
    besluitdatum    date,
    ingangsdatum_wlz date,
    zorgprofiel     varchar,
    _bestand varchar not null, _regel integer not null, _peildatum date not null
);

create table if not exists raw.financien (
    jaar        integer not null,
    post        varchar not null,
    bedrag      decimal(18, 2) not null,
    toelichting varchar,
    _bestand varchar not null, _regel integer not null, _peildatum date not null
);

create table if not exists raw.producten (
    productcode         varchar not null,
    tussenvorm          varchar not null,  -- one of the four BW forms, 'Opvang' or 'Spoedopvang'
    productomschrijving varchar,
    productcategorie    varchar,
    _bestand varchar not null, _regel integer not null, _peildatum date not null
);

create table if not exists raw.cbs (
    gemeente_code       varchar not null,  -- GM + 4 digits (other region keys are not kept)
    peildag_bevolking   date not null,     -- the day the population was counted (1 January)
    inwoners            integer not null,
    maatstaf            varchar not null,  -- the CBS measure the figure came from
    periode             varchar not null,  -- the CBS period code, e.g. '2024JJ00'
    voorlopig           boolean not null,  -- CBS marks the figure provisional
    _bestand varchar not null, _regel integer not null, _peildatum date not null
);

-- The BW ingroeipad per municipality as the Rijk publishes it: one row per year and gemeente
-- (any Dutch municipality: the Rijk's file holds them all; the marts keep the region's).
create table if not exists raw.budget (
    jaar          integer not null,
    gemeente_code varchar not null,
    historisch    decimal(18, 2) not null,  -- EUR, the historical part (centrumgemeente)
    objectief     decimal(18, 2) not null,  -- EUR, the part by the objective distribution
    toelichting   varchar,
    _bestand varchar not null, _regel integer not null, _peildatum date not null
);

-- The region's settings that are not per municipality (config/regios.csv): the transition
-- date on which the municipalities become responsible for BW. One row; null when not set.
create table if not exists raw.regio_overgang (
    overgangsdatum date
);

-- Every file the ETL has read, in every load; carried over from one warehouse to the next.
create table if not exists raw.laadlog (
    geladen_op   timestamp not null,
    bestand      varchar not null,
    soort        varchar not null,
    peildatum    date not null,
    sha256       varchar not null,
    regels_gelezen  integer not null,
    regels_geladen  integer not null,
    regels_afgekeurd integer not null,
    status       varchar not null,       -- 'geladen' / 'vervangen' (a newer snapshot replaced it)
    regels_overgeslagen integer          -- lines left out by design (cbs: other regions, empty
                                         -- figures); null for loads from before they were counted
);

-- Rows kept aside: which file, line and column, why, and the whole line. Carried over like the load log.
create table if not exists raw.afgekeurd (
    geladen_op timestamp not null,
    bestand    varchar not null,
    soort      varchar not null,
    sha256     varchar not null,
    regel      integer not null,   -- line number in the file (1 = first line, header included)
    kolom      varchar,            -- canonical column name, null for a rule on the whole row
    waarde     varchar,            -- the offending value as it stood in the file
    reden      varchar not null,   -- Dutch, for the people who fix the export
    rij        varchar             -- the whole line as delivered, JSON {column: text}; null in
                                   -- warehouses loaded before it was kept, and for CBS figures
);

-- Fixed result versions (convenant art. 8.6), copied from the state store before every build so
-- the marts read them like any input and the checks cover them. Not carried over: the state
-- store is their source, and each build copies all of it again. `resultaat` is the record's
-- row of marts.resultaat_jaar and `verdeling` its rows of marts.resultaat_verdeling, as JSON,
-- frozen when the version was fixed.
create table if not exists raw.resultaat_versies (
    record_id        integer not null,
    jaar             integer not null,
    versie           varchar not null,   -- voorlopig / definitief
    vastgesteld_op   varchar not null,   -- ISO UTC
    door             varchar not null,
    peildatum        date,               -- of the warehouse the figures came from
    warehouse_versie varchar,
    vervangt         integer,            -- the record this one corrected
    vervangen_door   integer,            -- the record that corrected this one (null = in force)
    reden            varchar,            -- why a correction was made
    resultaat        json not null,
    verdeling        json not null
);
