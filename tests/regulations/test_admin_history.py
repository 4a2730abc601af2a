"""The history, history-results and usage screens of the office catalogue: each answers 200
for a row the user may see (they were 500s: the scoping mixin replaced the log-entry and
reference listings with the model's rows)."""

import pytest
from django.urls import reverse

from regulations.models import Item, Profile
from tenants.models import Membership

pytestmark = pytest.mark.django_db
ADMIN_HOST = {"HTTP_HOST": "portal.test"}
SCREENS = ("history", "history_results", "usage")


@pytest.fixture
def office_admin(make_member, authority):
    return make_member(Membership.Role.ADMIN, authority=authority)


@pytest.mark.parametrize(
    "viewset,model", [("regulations_profiles", Profile), ("regulations_items", Item)]
)
@pytest.mark.parametrize("screen", SCREENS)
def test_history_and_usage_screens_answer(client, office_admin, viewset, model, screen):
    client.force_login(office_admin)
    row = model.objects.order_by("pk").first()
    response = client.get(reverse(f"{viewset}:{screen}", args=[row.pk]), **ADMIN_HOST)
    assert response.status_code == 200, response.content.decode()[:500]


def test_an_edit_shows_in_the_item_history(client, office_admin):
    from tests.regulations.test_admin import item_form_data

    client.force_login(office_admin)
    item = Item.objects.get(code="TT09_2009.BM10")
    edit = reverse("regulations_items:edit", args=[item.pk])
    assert client.post(edit, item_form_data(item, confidence="A"), **ADMIN_HOST).status_code == 302
    response = client.get(reverse("regulations_items:history", args=[item.pk]), **ADMIN_HOST)
    assert response.status_code == 200
    assert "TT09_2009.BM10" in response.content.decode() or item.title in response.content.decode()
