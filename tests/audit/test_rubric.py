"""The rubric is data: seeded as versions 1, 2 and 3 (audit.md, "Score"), edited in the
admin into new versions (never overwritten), and the report says which version it used."""

import io
import json

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command

from audit.models import Rubric
from tenants.models import Membership
from tenants.provisioning import create_authority

HOST = settings.PORTAL_DOMAIN


def test_default_rubric_is_seeded(db):
    rubric = Rubric.objects.get(code="default", version=1)
    assert rubric.posts_target == 40
    assert [getattr(rubric, f) for f in Rubric.POINT_FIELDS] == [15, 20, 10, 10, 25, 10, 10, 0]
    assert (rubric.thin_min_words, rubric.duplicate_similarity, rubric.burst_posts) == (30, 0.9, 8)
    assert (rubric.burst_quiet_days, rubric.backdated_days, rubric.penalty_max) == (21, 7, 10)
    assert rubric.rules_version == 1  # made under the first release's rules: it keeps them
    second = Rubric.objects.get(code="default", version=2)
    assert second.rules_version == 2
    assert [getattr(second, f) for f in Rubric.POINT_FIELDS] == [15, 20, 10, 10, 25, 10, 10, 0]
    assert (second.penalty_per_flag, second.penalty_max) == (1, 20)
    assert (second.thin_min_words, second.duplicate_similarity, second.burst_posts) == (30, 0.9, 8)
    # Version 3 adds "Thực hiện chỉ đạo" (10) and keeps the others' proportions (×0.9).
    third = Rubric.objects.get(code="default", version=3)
    assert Rubric.current() == third
    assert [getattr(third, f) for f in Rubric.POINT_FIELDS] == [13.5, 18, 9, 9, 22.5, 9, 9, 10]
    assert (third.recency_mid_points, third.recency_low_points, third.rules_version) == (
        5.4,
        2.7,
        2,
    )
    assert "Thực hiện chỉ đạo" in third.note


def test_a_saved_version_cannot_be_changed(db):
    rubric = Rubric.current()
    rubric.posts_target = 10
    with pytest.raises(ValidationError):
        rubric.save()
    assert Rubric.current().posts_target == 40


def test_a_superuser_edits_the_default_into_a_new_version(client, django_user_model, school):
    # The instance default is the superusers' (an office edits its own: test_rubric_owners.py).
    admin = django_user_model.objects.create_superuser("qt-he-thong", "qt@example.vn", "x")
    client.force_login(admin)
    v3 = Rubric.current()
    data = {name: getattr(v3, name) for name in v3.new_version_data() if name != "code"}
    data.update(note="Chỉ tiêu 50 bài", posts_target=50)
    response = client.post(f"/admin/audit/rubric/edit/{v3.pk}/", data, HTTP_HOST=HOST)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(Rubric.objects.values_list("version", "posts_target", "rules_version")) == [
        (4, 50, 2),  # the edit keeps the rules of the version it started from
        (3, 40, 2),
        (2, 40, 2),
        (1, 40, 1),
    ]
    v4 = Rubric.current()
    assert v4.created_by == admin and v4.note == "Chỉ tiêu 50 bài"
    out = io.StringIO()
    call_command("audit_report", "--as-of", "2016-11-25", stdout=out)
    assert json.loads(out.getvalue())["rubric"] == {"code": "default", "version": 4}
    # Points that do not add up to 100 are refused, naming the problem.
    data.update(points_structure=30)
    response = client.post(f"/admin/audit/rubric/edit/{v3.pk}/", data, HTTP_HOST=HOST)
    assert response.status_code == 200
    assert "Tổng điểm các tiêu chí phải bằng 100" in response.content.decode()
    assert Rubric.objects.count() == 4


def test_lower_office_and_auditor_cannot_edit(client, make_member, authority):
    create_authority("XA-1", "Phòng Văn hóa – Xã hội xã 1", parent_code=authority.code)
    from tenants.models import Authority

    commune = Authority.objects.get(code="XA-1")
    for user in (
        make_member(Membership.Role.ADMIN, authority=commune, username="qt-xa"),
        make_member(Membership.Role.AUDITOR, authority=authority, username="kt-phong"),
    ):
        client.force_login(user)
        v1 = Rubric.current()
        assert client.get("/admin/audit/rubric/", HTTP_HOST=HOST).status_code == 200
        data = {name: getattr(v1, name) for name in v1.new_version_data() if name != "code"}
        data["posts_target"] = 5
        client.post(f"/admin/audit/rubric/edit/{v1.pk}/", data, HTTP_HOST=HOST)
        assert Rubric.objects.count() == 3
