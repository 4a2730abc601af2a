"""One demo school's school year, published according to its behaviour profile (dates below are
those of 2016-2017, the reference year; ``DemoYear.day`` moves them into the year being built).

Profiles (``fixtures/demo/profiles.csv``):

- ``diligent``: news nearly every school week, menus/plans/work schedules before the week starts,
  disclosures published in June and updated in September, every section filled.
- ``middling``: a post every other week or so, recurring items often late, disclosures late
  (July–August, after the June deadline).
- ``stale``: a few posts in September–October, then almost nothing; disclosures missing.
- ``show`` ("chiếu lệ"): long silences, then bursts of posts within 24 hours right before the
  structure deadline (25/11) and before the office's inspection (13/03): thin posts,
  posts copied from another school, posts dated weeks before they were really published, pages
  re-published without any change.
"""

from .core import SchoolLoader

__all__ = ["SchoolLoader"]
