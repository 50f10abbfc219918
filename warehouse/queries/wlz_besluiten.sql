-- The decisions on a Wlz request (seeds/wlz_besluiten.csv), in their order: the column of each in
-- marts.wlz_aanvragen_maand and the labels of the screens and the report. Not client data.
select b.besluit, b.kolom, b.label, b.rapport_label
from seeds.wlz_besluiten as b
order by cast(b.volgorde as integer)
