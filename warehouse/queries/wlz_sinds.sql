-- The day the Wlz opened to ggz clients (seeds/wlz_ggz.csv): the start of the cumulative outflow
-- to the Wlz, for the screens' labels. Not client data.
select cast(min(w.open_sinds) as date) as open_sinds from seeds.wlz_ggz as w
