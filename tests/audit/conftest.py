"""Fixtures of the audit tests; the history builders are in history.py."""

import pytest

from audit.sources import disclosure as disclosure_source


@pytest.fixture
def fixed_disclosures(monkeypatch):
    """Replace the regulations figures with given ones: {school id: summary}, so the audit's
    arithmetic is tested on its own (the adapter's pass-through is tested separately)."""
    figures = {"disclosure": {}, "recurring": {}}

    def disclosure_summaries(schools, as_of):
        return {s.pk: figures["disclosure"][s.pk] for s in schools if s.pk in figures["disclosure"]}

    def recurring_summaries(schools, as_of):
        return {s.pk: figures["recurring"][s.pk] for s in schools if s.pk in figures["recurring"]}

    monkeypatch.setattr(disclosure_source, "disclosure_summaries", disclosure_summaries)
    monkeypatch.setattr(disclosure_source, "recurring_summaries", recurring_summaries)
    return figures
