"""The demo data set: a district office (Củ Chi) and its schools, with the content each school
really published and when, alive on the day it is loaded: the school year running that day (up
to that moment) and the one before it. Loaded by ``manage.py load_demo``.

Tabular data (schools, behaviour profiles, staff, the office) lives in ``fixtures/demo/*.csv``
and the Vietnamese prose in ``fixtures/demo/texts/*.json``; ``years`` moves the texts' reference
year (2016-2017, the year of letter 1636) into the years being built, and ``loader`` publishes
everything through Wagtail's own API with a simulated clock, so the CMS's log carries real
timestamps of those years."""
