"""Parts of the data layer behind kern/data.py, importing each other one way: verbinding
(connections, one warehouse version per request) <- query (SQL files, the cache) <- scope
(which municipalities a caller may see) <- marts (the functions the visual builders call). Use them
through `from kern import data`."""
