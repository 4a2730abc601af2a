"""The tenant-isolation sweep: every admin URL pattern, as school A's editor and approver and as
an office auditor, with school B's ids. See admin_url_registry.py for the classification."""

import contextlib
import json
import re
from urllib.parse import urlencode, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from .admin_url_registry import (
    ADMIN_URLS,
    AUTH,
    LISTING,
    OBJECT,
    OWNED,
    OWNED_PREFIXES,
    SELF,
    SNIPPETS,
    SUPERUSER,
    Route,
)
from .conftest import MARKER, SEARCH_TERM

pytestmark = pytest.mark.django_db

HOST = "portal.test"
REJECTED = {403, 404, 405}
# What an auditor may still POST (mirrors tenants.isolation.guards.READ_ONLY_POST_ALLOWED).
AUDITOR_POST_ALLOWED = {
    "wagtailadmin_logout",
    "wagtailadmin_account",
    "wagtailadmin_dismissibles",
    "wagtailadmin_login",
}


def walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            name = pattern.name
            full = f"{namespace}:{name}" if namespace and name else name
            yield prefix + str(pattern.pattern), full, pattern


def admin_patterns():
    """(route, full name, kwarg names) of every URL pattern under /admin/."""
    found = []
    for route, name, pattern in walk(get_resolver().url_patterns):
        if route.startswith("admin/"):
            kwargs = set(pattern.pattern.regex.groupindex)
            found.append((route, name, kwargs))
    return found


def classify(route, name):
    """The registry entry of a pattern, or None when nobody classified it."""
    if name and name in ADMIN_URLS:
        return ADMIN_URLS[name]
    if route in ADMIN_URLS:
        return ADMIN_URLS[route]
    namespace = (name or "").split(":")[0]
    if re.match(r"^wagtailsnippets_|^wagtailsnippetchoosers_", namespace):
        label = snippet_label(namespace)
        if label in SNIPPETS:
            return Route(OBJECT, ids={"pk": "snippet:" + label})
    return None


def snippet_label(namespace):
    from wagtail.snippets.models import get_snippet_models

    for model in get_snippet_models():
        key = f"{model._meta.app_label}_{model._meta.model_name}"
        if namespace.endswith(key):
            return f"{model._meta.app_label}.{model._meta.model_name}"
    return namespace


def id_for(world, tenant, kind):
    if kind.startswith("snippet:"):
        return SNIPPETS[kind.split(":", 1)[1]](world, tenant)
    if kind in world.shared:
        return world.shared[kind]
    return tenant.ids[kind]


def build_url(world, tenant, route, name, kwargs, entry):
    values = {}
    for kwarg in kwargs:
        if kwarg in entry.ids:
            values[kwarg] = id_for(world, tenant, entry.ids[kwarg])
        elif kwarg in entry.params:
            values[kwarg] = entry.params[kwarg]
        else:
            return None
    try:
        url = reverse(name, kwargs=values) if name else "/" + route
    except Exception:  # a pattern we cannot build is reported by the caller
        return None
    query = dict(entry.query) if entry.query or entry.kind != LISTING else {"q": SEARCH_TERM}
    for key, value in list(query.items()):
        if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
            query[key] = id_for(world, tenant, value[1:-1])
    for param, kind in entry.query_ids.items():
        query[param] = id_for(world, tenant, kind)
    return url + ("?" + urlencode(query) if query else "")


def body_text(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    text = content.decode("utf-8", "replace")
    if "json" in response.get("Content-Type", ""):
        with contextlib.suppress(ValueError):
            text = json.dumps(json.loads(text), ensure_ascii=False)
    return text


def leaks(text):
    return MARKER in text.lower()


def client_for(user):
    client = Client(HTTP_HOST=HOST)
    client.force_login(user)
    return client


def request(client, method, url):
    if method == "GET":
        return client.get(url)
    return client.post(url, {})


def check_rejected(client, method, url):
    """A request with another tenant's ids: rejected, or redirected somewhere showing nothing."""
    response = request(client, method, url)
    problems = []
    if leaks(body_text(response)):
        problems.append(f"{method} {url}: {response.status_code} shows school B data")
    hops = 0
    while response.status_code in (301, 302, 303) and hops < 3:
        location = response["Location"]
        if MARKER in location.lower():
            problems.append(f"{method} {url}: redirects to {location}")
            break
        path = urlsplit(location).path
        if path.startswith("/admin/login"):
            break
        response = client.get(location)
        hops += 1
        if leaks(body_text(response)):
            problems.append(f"{method} {url}: redirect to {location} shows school B data")
    if hops == 0 and response.status_code not in REJECTED | {301, 302, 303}:
        problems.append(f"{method} {url}: answered {response.status_code}, expected 403/404")
    return problems


def sweep_patterns():
    return admin_patterns()


def test_every_admin_url_is_classified():
    unknown = []
    for route, name, _kwargs in sweep_patterns():
        entry = classify(route, name)
        if entry is None:
            owner = next((app for p, app in OWNED_PREFIXES.items() if route.startswith(p)), None)
            hint = (
                f" (under {owner}'s prefix: add it to tests/{owner}/admin_urls.py)" if owner else ""
            )
            unknown.append(f"{route} [{name}]{hint}")
    assert not unknown, "Admin URLs nobody classified for tenant isolation:\n" + "\n".join(unknown)


def _sweep_other_tenant(world, user, target):
    client = client_for(user)
    problems = []
    checked = 0
    for route, name, kwargs in sweep_patterns():
        entry = classify(route, name)
        if entry is None or entry.kind in (AUTH,):
            continue
        if entry.kind == OWNED and not entry.ids:
            url = build_url(world, target, route, name, kwargs, entry)
            if url:
                response = client.get(url)
                if leaks(body_text(response)):
                    problems.append(f"GET {url}: shows school B data")
            continue
        if entry.kind in (OBJECT, OWNED) or (entry.kind == SUPERUSER and entry.ids):
            url = build_url(world, target, route, name, kwargs, entry)
            if url is None:
                problems.append(f"{route} [{name}]: cannot build URL from the registry entry")
                continue
            for method in ("GET", "POST"):
                problems += check_rejected(client, method, url)
            checked += 1
    return problems, checked


def _sweep_listings(world, user, own, others):
    client = client_for(user)
    problems = []
    for route, name, kwargs in sweep_patterns():
        entry = classify(route, name)
        if entry is None or entry.kind not in (LISTING, SELF):
            continue
        if not name:
            continue
        url = build_url(world, own, route, name, kwargs, entry)
        if url is None:
            problems.append(f"{route} [{name}]: cannot build URL from the registry entry")
            continue
        response = client.get(url)
        text = body_text(response)
        if response.status_code >= 500:
            problems.append(f"GET {url}: server error {response.status_code}")
        if leaks(text):
            problems.append(f"GET {url}: shows school B data")
        for other in others:
            for needle in (other.school.name, other.school.hostname):
                if needle in text:
                    problems.append(f"GET {url}: shows {needle!r}")
    return problems


def _sweep_superuser_only(world, user, tenant):
    client = client_for(user)
    problems = []
    for route, name, kwargs in sweep_patterns():
        entry = classify(route, name)
        if entry is None or entry.kind != SUPERUSER:
            continue
        url = build_url(world, tenant, route, name, kwargs, entry)
        if url is None:
            problems.append(f"{route} [{name}]: cannot build URL from the registry entry")
            continue
        for method in ("GET", "POST"):
            response = request(client, method, url)
            if response.status_code != 403:
                problems.append(f"{method} {url}: answered {response.status_code}, expected 403")
    return problems


def assert_b_untouched(world):
    from wagtail.contrib.forms.models import FormSubmission
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, WorkflowState

    b = world.b
    live = Page.objects.get(pk=b.ids["page"])
    assert live.live and live.locked and live.title == b.pages["live"].title
    assert Page.objects.filter(pk=b.ids["page_draft"]).exists()
    assert get_image_model().objects.filter(pk=b.ids["image"]).exists()
    assert get_document_model().objects.filter(pk=b.ids["document"]).exists()
    assert FormSubmission.objects.filter(pk=b.ids["submission"]).exists()
    assert Redirect.objects.filter(pk=b.ids["redirect"]).exists()
    assert WorkflowState.objects.get(pk=b.ids["workflow_state"]).status == "in_progress"
    assert get_user_model().objects.get(pk=b.ids["user"]).is_active


@pytest.mark.parametrize("role", ["a_editor", "a_approver"])
def test_school_user_cannot_reach_other_school_objects(world, role):
    problems, checked = _sweep_other_tenant(world, world.users[role], world.b)
    assert checked > 80  # the sweep really ran over the id-taking screens
    assert not problems, "\n".join(problems)
    assert_b_untouched(world)


def test_school_user_cannot_reach_sibling_school_objects(world):
    """A2 is under the same office as A: still another tenant for A's editor."""
    problems, _checked = _sweep_other_tenant(world, world.users["a_editor"], world.a2)
    problems = [p for p in problems if "shows school B data" not in p]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("role", ["a_editor", "a_approver", "x_auditor"])
def test_listings_show_nothing_of_other_schools(world, role):
    own = world.a if role != "x_auditor" else world.a2
    others = [world.b] if role == "x_auditor" else [world.b, world.a2]
    problems = _sweep_listings(world, world.users[role], own, others)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("role", ["a_editor", "a_approver", "x_auditor", "x_admin"])
def test_screens_spanning_all_tenants_answer_403(world, role):
    problems = _sweep_superuser_only(world, world.users[role], world.a)
    assert not problems, "\n".join(problems)


def test_listings_show_own_school(world):
    """The positive side: the same searches find school A's own items for A's editor."""
    client = client_for(world.users["a_editor"])
    expected = {
        "page": world.a.pages["live"].title,
        "page_home": world.a.school.name,
        "image": f"Ảnh {SEARCH_TERM} Tân Thông Hội",
        "document": f"Kế hoạch {SEARCH_TERM} Tân Thông Hội",
    }
    missing = []
    for route, name, kwargs in sweep_patterns():
        entry = classify(route, name)
        if entry is None or not entry.shows:
            continue
        url = build_url(world, world.a, route, name, kwargs, entry)
        response = client.get(url, follow=True)
        if expected[entry.shows] not in body_text(response):
            missing.append(f"GET {url}: {response.status_code}, no {expected[entry.shows]!r}")
    assert not missing, "\n".join(missing)


def test_auditor_sees_nothing_of_other_authority(world):
    problems, checked = _sweep_other_tenant(world, world.users["x_auditor"], world.b)
    assert checked > 80
    assert not problems, "\n".join(problems)
    assert_b_untouched(world)


def test_auditor_cannot_write_anything(world):
    """Every POST of an office auditor answers 403, even on their own subtree's objects."""
    client = client_for(world.users["x_auditor"])
    problems = []
    for route, name, kwargs in sweep_patterns():
        entry = classify(route, name)
        if entry is None or entry.kind in (AUTH, OWNED) or name in AUDITOR_POST_ALLOWED:
            continue
        if route.startswith(tuple(OWNED_PREFIXES)):
            continue  # other apps' screens: what an auditor may write there is theirs to test
        if not name:
            continue
        url = build_url(world, world.a2, route, name, kwargs, entry)
        if url is None:
            continue
        response = client.post(url, {})
        if response.status_code != 403:
            problems.append(f"POST {url}: answered {response.status_code}, expected 403")
    assert not problems, "\n".join(problems)


def test_choice_fields_refuse_other_schools_ids(world):
    """A posted id of school B's image, document or page is not a valid choice for A's editor."""
    from django import forms
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from tenants.isolation.forms import restrict_choice_fields

    class Form(forms.Form):
        image = forms.ModelChoiceField(get_image_model().objects.all())
        document = forms.ModelChoiceField(get_document_model().objects.all())
        page = forms.ModelChoiceField(Page.objects.all())

    def form_for(tenant):
        data = {"image": tenant.ids["image"], "document": tenant.ids["document"]}
        data["page"] = tenant.ids["page"]
        return restrict_choice_fields(Form(data), world.users["a_editor"])

    assert form_for(world.a).is_valid()
    refused = form_for(world.b)
    assert not refused.is_valid()
    assert set(refused.errors) == {"image", "document", "page"}
