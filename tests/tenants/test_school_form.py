"""The admin's school form refuses what the import refuses: formula-like and control-character
names, values longer than their column; zero-width characters are removed."""

import pytest

from tenants.field_rules import max_length
from tenants.models import Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def office_client(client, make_member, authority):
    client.force_login(make_member(Membership.Role.ADMIN, authority=authority))
    return client


def payload(**changes):
    data = {
        "name": "Trường Tiểu học Tân Thông",
        "address": "Ấp Chợ",
        "phone": "028 1111 2222",
        "email": "tt@example.vn",
        "principal": "Trần Văn Bình",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    "changes,field",
    [
        ({"name": '=HYPERLINK("http://evil","x")'}, "name"),
        ({"name": "Trường\x07\x08 Tân Thông"}, "name"),
        ({"principal": "@Trần"}, "principal"),
        ({"address": "Ấp\x1b Chợ"}, "address"),
        ({"phone": "0" * (max_length("phone") + 1)}, "phone"),
    ],
)
def test_bad_values_are_refused_with_a_message_on_the_field(office_client, school, changes, field):
    url = f"/admin/members/schools/{school.pk}/"
    before = school.name
    response = office_client.post(url, payload(**changes), HTTP_HOST="portal.test")
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == [field], errors
    school.refresh_from_db()
    assert school.name == before


def test_zero_width_characters_are_removed(office_client, school):
    url = f"/admin/members/schools/{school.pk}/"
    response = office_client.post(
        url, payload(name="Trường Tiểu học\u200b Tân Thông Hội"), HTTP_HOST="portal.test"
    )
    assert response.status_code == 302
    school.refresh_from_db()
    assert school.name == "Trường Tiểu học Tân Thông Hội"
