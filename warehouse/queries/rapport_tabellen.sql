-- Which marts the published warehouse has (a warehouse built before a mart existed lacks it).
select table_schema || '.' || table_name as tabel
from information_schema.tables
where table_schema = 'marts'
