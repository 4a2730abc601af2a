"""The school's staff see how many parents follow each list, never who they are."""

import pytest
from django.utils import timezone

from subscriptions.models import Subscriber

pytestmark = pytest.mark.django_db
OFFICE = "portal.test"


def test_dashboard_shows_counts_per_list_not_addresses(client, school, other_school, approver):
    now = timezone.now()
    Subscriber.objects.create(
        school=school, email="a@example.vn", wants_news=True, confirmed_at=now
    )
    Subscriber.objects.create(
        school=school,
        email="b@example.vn",
        wants_announcements=True,
        audience="Lớp 3A",
        frequency="weekly",
        confirmed_at=now,
    )
    Subscriber.objects.create(school=school, email="pending@example.vn", wants_news=True)
    Subscriber.objects.create(
        school=other_school, email="c@example.vn", wants_news=True, confirmed_at=now
    )
    client.force_login(approver)
    body = client.get("/admin/", HTTP_HOST=OFFICE).content.decode()
    assert "Phụ huynh nhận tin qua email" in body
    row = body.split(f'<th scope="row">{school.name}</th>', 1)[1].split("</tr>", 1)[0]
    # Announcements, news, weekly, per audience; the unconfirmed address is not counted.
    assert [cell for cell in row.split("<td>")[1:]][:3] == ["1</td>", "1</td>", "1</td>"]
    assert "Lớp 3A: 1" in row
    assert "@example.vn" not in body
    assert other_school.name not in body
