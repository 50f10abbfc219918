-- First and last month the client marts hold.
select min(maand) as eerste_maand, max(maand) as laatste_maand
from marts.clienten_maand
