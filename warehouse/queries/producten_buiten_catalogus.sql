-- Category-15 product codes missing from the region's catalogue.
select productcode, productcategorie, cast(indicaties as bigint) as indicaties,
       cast(clienten as bigint) as clienten
from marts.producten_buiten_catalogus
order by indicaties desc, productcode
