-- What the doordecentralisatie screens need to know first (one row, no client data).
select * from marts.doordecentralisatie_info
