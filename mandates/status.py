"""A target school's status on a directive at a moment: a pure function of a few dated facts,
so the status table, the drill-down, the score and the tests agree at any chosen time."""

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    UNSEEN = "unseen", _("Chưa xem")
    SEEN = "seen", _("Đã xem")
    DRAFTING = "drafting", _("Đang soạn")
    DONE = "done", _("Đã thực hiện")
    OVERDUE = "overdue", _("Quá hạn")


@dataclass(frozen=True)
class Facts:
    """What is known of one school's answer, each a moment or None. `done_at` comes from the
    publication log (the real publication time) or, for an acknowledgement, the principal's
    confirmation; `page_id` is the published page that did it."""

    seen_at: datetime.datetime | None = None
    started_at: datetime.datetime | None = None
    done_at: datetime.datetime | None = None
    page_id: int | None = None


@dataclass(frozen=True)
class Verdict:
    status: str
    done_at: datetime.datetime | None = None
    on_time: bool = False
    page_id: int | None = None

    @property
    def late(self):
        return self.status == Status.DONE and not self.on_time

    @property
    def label(self):
        return Status(self.status).label


def _by(moment, value):
    return value is not None and value <= moment


def status_at(facts, deadline_end, moment):
    """The status at `moment`: done if it was done by then (on time when by the deadline's last
    moment), else overdue once the deadline has passed, else drafting, seen or unseen."""
    if _by(moment, facts.done_at):
        return Verdict(Status.DONE, facts.done_at, facts.done_at <= deadline_end, facts.page_id)
    if moment > deadline_end:
        return Verdict(Status.OVERDUE)
    if _by(moment, facts.started_at):
        return Verdict(Status.DRAFTING)
    if _by(moment, facts.seen_at):
        return Verdict(Status.SEEN)
    return Verdict(Status.UNSEEN)
