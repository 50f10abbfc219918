"""Parts of the data layer behind kern/data.py: verbinding (connections, one warehouse version
per request), scope (which municipalities a caller may see), marts (the functions the views call).
Use them through `from kern import data`; importing this package loads that module first."""
import kern.data  # noqa: F401  (the public module; it imports the parts in order)
