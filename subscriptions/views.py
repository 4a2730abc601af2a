"""The parent's side: subscribe (double opt-in), confirm, manage, unsubscribe in one click.

Only on a school's host. Every answer to a subscription request is the same ("check your
mail"), whether the address is new or known, so the form reveals nobody's subscription."""

from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from page_types.client_ip import client_ip
from tenants.models import School

from . import mailing
from .forms import CONSENT_TEXT, PreferencesForm, SubscribeForm
from .models import Frequency, Subscriber

CONFIRM_SALT = "subscriptions.confirm"
CONFIRM_MAX_AGE = 48 * 3600
# Confirmation e-mails one address may trigger in an hour (someone typing others' addresses).
REQUESTS_PER_HOUR = 10


def _school(request):
    site = getattr(request, "_wagtail_site", None)
    school = School.objects.filter(site=site).first() if site is not None else None
    if school is None:
        raise Http404
    return school


def confirm_link(subscriber):
    # The moment is read from Django's clock (tenants.clock.simulated_now reaches it).
    signed = signing.dumps(
        {"t": subscriber.token, "at": int(timezone.now().timestamp())}, salt=CONFIRM_SALT
    )
    return f"{subscriber.school.root_url}/dang-ky-nhan-tin/xac-nhan/{signed}/"


def _unsign(signed):
    """The subscriber token of a confirmation link; raises SignatureExpired after 48 hours."""
    data = signing.loads(signed, salt=CONFIRM_SALT)
    if timezone.now().timestamp() - data["at"] > CONFIRM_MAX_AGE:
        raise signing.SignatureExpired
    return data["t"]


def purpose_of(data, school):
    lists = []
    if data.get("wants_announcements"):
        audience = data.get("audience") or _("mọi khối, lớp")
        lists.append(_("thông báo (%(audience)s)") % {"audience": audience})
    if data.get("wants_news"):
        lists.append(_("tin tức"))
    return _("Nhận %(lists)s của %(school)s qua email, %(how)s. %(consent)s") % {
        "lists": ", ".join(lists),
        "school": school.name,
        "how": Frequency(data["frequency"]).label.lower(),
        "consent": CONSENT_TEXT,
    }


def _allowed(request, school):
    key = f"portal:subscribe:{school.pk}:{client_ip(request)}"
    cache.add(key, 0, 3600)
    try:
        return cache.incr(key) <= REQUESTS_PER_HOUR
    except ValueError:
        return True


def _apply(subscriber, data):
    subscriber.wants_news = data["wants_news"]
    subscriber.wants_announcements = data["wants_announcements"]
    subscriber.audience = data["audience"].strip() if data["wants_announcements"] else ""
    subscriber.frequency = data["frequency"]


@never_cache
def subscribe(request):
    school = _school(request)
    if request.GET.get("da-gui") == "1":
        return render(request, "subscriptions/check_mail.html", {"school": school})
    form = SubscribeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if not _allowed(request, school):
            form.add_error(None, _("Quá nhiều yêu cầu từ địa chỉ này. Xin thử lại sau một giờ."))
            status = 429
        else:
            data = form.cleaned_data
            email = data["email"].strip().lower()
            with transaction.atomic():
                subscriber, created = Subscriber.objects.select_for_update().get_or_create(
                    school=school, email=email
                )
                if subscriber.confirmed_at is None:
                    _apply(subscriber, data)
                    subscriber.consent_purpose = purpose_of(data, school)
                    subscriber.requested_at = timezone.now()
                    subscriber.save()
            subscriber.school = school
            if subscriber.confirmed_at is None:
                msg = mailing.message(
                    subscriber,
                    _("[%(school)s] Xác nhận đăng ký nhận tin") % {"school": school.name},
                    "subscriptions/email/confirm.txt",
                    {"confirm_url": confirm_link(subscriber), "hours": CONFIRM_MAX_AGE // 3600},
                )
            else:
                # Already subscribed: the owner of the address gets their manage link instead.
                msg = mailing.message(
                    subscriber,
                    _("[%(school)s] Quản lý đăng ký nhận tin") % {"school": school.name},
                    "subscriptions/email/manage.txt",
                    {},
                )
            mailing.send_each([(subscriber, msg)])
            return HttpResponseRedirect(f"{request.path}?da-gui=1")
    elif request.method == "POST":
        status = 400
    return render(
        request, "subscriptions/subscribe.html", {"form": form, "school": school}, status=status
    )


@never_cache
def confirm(request, signed):
    school = _school(request)
    try:
        token = _unsign(signed)
    except signing.SignatureExpired:
        return render(request, "subscriptions/expired.html", {"school": school}, status=410)
    except (signing.BadSignature, KeyError, TypeError):
        raise Http404 from None
    subscriber = get_object_or_404(Subscriber, school=school, token=token)
    if request.method == "POST":
        if subscriber.confirmed_at is None:
            now = timezone.now()
            subscriber.confirmed_at = now
            subscriber.consent_at = now
            subscriber.last_digest_at = now
            subscriber.save(update_fields=["confirmed_at", "consent_at", "last_digest_at"])
        return HttpResponseRedirect(f"/dang-ky-nhan-tin/quan-ly/{subscriber.token}/?xac-nhan=1")
    return render(
        request, "subscriptions/confirm.html", {"school": school, "subscriber": subscriber}
    )


@never_cache
def manage(request, token):
    school = _school(request)
    subscriber = get_object_or_404(
        Subscriber, school=school, token=token, confirmed_at__isnull=False
    )
    initial = {
        "wants_news": subscriber.wants_news,
        "wants_announcements": subscriber.wants_announcements,
        "audience": subscriber.audience,
        "frequency": subscriber.frequency,
    }
    form = PreferencesForm(request.POST or None, initial=initial)
    saved = False
    if request.method == "POST" and form.is_valid():
        _apply(subscriber, form.cleaned_data)
        subscriber.consent_purpose = purpose_of(form.cleaned_data, school)
        subscriber.consent_at = timezone.now()
        subscriber.save()
        saved = True
    context = {
        "school": school,
        "subscriber": subscriber,
        "form": form,
        "saved": saved,
        "confirmed": request.GET.get("xac-nhan") == "1",
    }
    return render(request, "subscriptions/manage.html", context)


@csrf_exempt
@never_cache
def unsubscribe(request, token):
    """GET asks; POST (a mail client's one-click, RFC 8058: no cookie, no CSRF token) erases
    the address and everything sent to it."""
    school = _school(request)
    subscriber = Subscriber.objects.filter(school=school, token=token).first()
    if request.method == "POST":
        if subscriber is not None:
            subscriber.delete()
        return render(request, "subscriptions/unsubscribed.html", {"school": school})
    if subscriber is None:
        return render(request, "subscriptions/unsubscribed.html", {"school": school})
    return render(request, "subscriptions/unsubscribe.html", {"school": school})
