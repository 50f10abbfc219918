"""Moved to kern/data.py (issue 11). This name stays only because tests/privacy still imports
`from dashboard import data`; it is the same module object as kern.data (so patching either
reaches both), and project code imports `kern.data` (a rule in tests/test_afhankelijkheden.py).
Once those tests import kern.data, this file can go."""
import sys

from kern import data as _data

sys.modules[__name__] = _data
