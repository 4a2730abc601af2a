"""Background work: tell immediate subscribers of a new post, and the weekly digest.

Enqueued after the publishing transaction commits (signals.py), never run inside the editor's
request by our code; with django-tasks' immediate backend (today's default) they run at the
commit. Idempotent: Delivery rows say what each subscriber already got."""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.models import Page

from page_types.models import AnnouncementPage, NewsArticlePage
from tenants.models import School

from . import mailing
from .matching import kind_of, wants
from .models import Delivery, Frequency, Subscriber

logger = logging.getLogger(__name__)


def _max_per_run():
    return int(getattr(settings, "SUBSCRIPTIONS_MAX_PER_RUN", 500))


def _local_path(page, school):
    root_url_path = Page.objects.filter(pk=school.root_page_id).values_list("url_path", flat=True)
    return school.root_url + "/" + page.url_path[len(root_url_path.get()) :]


@task()
def notify_published(page_id):
    """Send a newly published news article or announcement to its immediate subscribers."""
    page = Page.objects.live().public().filter(pk=page_id).specific().first()
    if page is None or kind_of(page) is None:
        return 0
    school = School.for_page(page)
    if school is None:
        return 0
    already = Delivery.objects.filter(page_id=page.pk).values("subscriber_id")
    subscribers = (
        Subscriber.objects.filter(
            school=school, confirmed_at__isnull=False, frequency=Frequency.IMMEDIATE
        )
        .exclude(pk__in=already)
        .select_related("school")
        .order_by("pk")
    )
    chosen = [s for s in subscribers if wants(s, page)]
    batch, rest = chosen[: _max_per_run()], chosen[_max_per_run() :]
    url = _local_path(page, school)
    subject = _("[%(school)s] %(title)s") % {"school": school.name, "title": page.title}
    pairs = [
        (s, mailing.message(s, subject, "subscriptions/email/item.txt", {"page": page, "url": url}))
        for s in batch
    ]
    reached = mailing.send_each(pairs)
    Delivery.objects.bulk_create(
        [Delivery(subscriber=s, page_id=page.pk) for s in reached if s.pk], ignore_conflicts=True
    )
    if rest:
        # Rate limit: one batch per run; the next run takes the remainder.
        transaction.on_commit(lambda: notify_published.enqueue(page_id))
    return len(reached)


def _posts_since(school, since, until):
    pages = []
    for model in (AnnouncementPage, NewsArticlePage):
        pages += list(
            model.objects.live()
            .public()
            .descendant_of(Page.objects.get(pk=school.root_page_id))
            .filter(first_published_at__gt=since, first_published_at__lte=until)
            .order_by("-first_published_at")
        )
    return pages


@task()
def send_weekly_digests():
    """One message per weekly subscriber with what was published since their last digest."""
    now = timezone.now()
    weekly = Subscriber.objects.filter(
        confirmed_at__isnull=False, frequency=Frequency.WEEKLY
    ).select_related("school")
    by_school = {}
    for subscriber in weekly:
        by_school.setdefault(subscriber.school, []).append(subscriber)
    sent = 0
    for school, subscribers in by_school.items():
        since = min(s.last_digest_at or s.confirmed_at for s in subscribers)
        posts = _posts_since(school, since, now)
        delivered = set(
            Delivery.objects.filter(
                subscriber__in=subscribers, page_id__in=[p.pk for p in posts]
            ).values_list("subscriber_id", "page_id")
        )
        pairs, chosen = [], {}
        for subscriber in subscribers:
            start = subscriber.last_digest_at or subscriber.confirmed_at
            items = [
                (p, _local_path(p, school))
                for p in posts
                if p.first_published_at > start
                and (subscriber.pk, p.pk) not in delivered
                and wants(subscriber, p)
            ]
            if not items:
                continue
            chosen[subscriber.pk] = items
            subject = _("[%(school)s] Bản tin tuần: %(n)s bài mới") % {
                "school": school.name,
                "n": len(items),
            }
            pairs.append(
                (
                    subscriber,
                    mailing.message(
                        subscriber, subject, "subscriptions/email/digest.txt", {"items": items}
                    ),
                )
            )
        reached = mailing.send_each(pairs)
        Delivery.objects.bulk_create(
            [
                Delivery(subscriber=s, page_id=p.pk)
                for s in reached
                if s.pk
                for p, _url in chosen[s.pk]
            ],
            ignore_conflicts=True,
        )
        Subscriber.objects.filter(pk__in=[s.pk for s in reached]).update(last_digest_at=now)
        sent += len(reached)
    return sent


@task()
def purge_unconfirmed():
    """Erase the addresses never confirmed within SUBSCRIPTIONS_UNCONFIRMED_DAYS of their last
    confirmation request (a daily job): without consent the address may not be kept. Running
    it twice erases nothing more; a confirmed address is never touched."""
    cutoff = timezone.now() - datetime.timedelta(days=settings.SUBSCRIPTIONS_UNCONFIRMED_DAYS)
    erased, _by_model = Subscriber.objects.filter(
        confirmed_at__isnull=True, requested_at__lt=cutoff
    ).delete()
    if erased:
        logger.info("Erased %s unconfirmed subscription rows requested before %s", erased, cutoff)
    return erased
