-- The history of fixed result versions, corrections included (figures are in resultaat_jaar).
create or replace table marts.resultaat_versies (
    record_id        integer,
    jaar             integer,
    versie           varchar,    -- voorlopig / definitief
    vastgesteld_op   varchar,    -- ISO UTC
    door             varchar,
    peildatum        date,       -- of the warehouse the figures came from
    warehouse_versie varchar,
    vervangt         integer,    -- the record this one corrected
    vervangen_door   integer,    -- the record that corrected this one (null = in force)
    reden            varchar     -- why a correction was made
);
