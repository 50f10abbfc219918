-- The WMO588 reasons that count as uitstroom to the Wlz (seeds/wmo588_redenen.csv, naar_wlz = 'ja'),
-- for the labels of the screens and the report. Not client data.
select r.reden_code, r.reden_omschrijving
from seeds.wmo588_redenen as r
where r.naar_wlz = 'ja'
order by r.reden_code
