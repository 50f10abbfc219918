-- Region population per year (CBS, 1 January): a sum over the municipalities of the region.
select i.jaar, cast(sum(i.inwoners_1_januari) as bigint) as inwoners_1_januari
from marts.inwoners_jaar as i
where i.gemeente_code in (select gemeente_code from marts.gemeenten)
group by i.jaar
order by i.jaar
