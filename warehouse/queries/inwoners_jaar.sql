-- Population per year x gemeente (CBS).
select i.jaar, i.gemeente_code, cast(i.inwoners_1_januari as bigint) as inwoners_1_januari,
       i.peildag_1_januari,
       cast(i.inwoners_31_december as bigint) as inwoners_31_december,
       i.peildag_31_december, i.toelichting_31_december
from marts.inwoners_jaar as i
where list_contains($gemeenten::varchar[], i.gemeente_code)
order by i.jaar, i.gemeente_code
