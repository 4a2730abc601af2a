"""The demo data set: a district office (Củ Chi, school year 2016-2017) and its schools, with the
content each school really published and when. Loaded by ``manage.py load_demo``.

Tabular data (schools, behaviour profiles, staff, the office) lives in ``fixtures/demo/*.csv``;
the Vietnamese texts live in the ``texts_*`` modules here; ``loader`` publishes everything through
Wagtail's own API with a simulated clock, so the CMS's log carries 2016-2017 timestamps."""
