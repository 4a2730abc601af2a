import pytest

from tenants.models import Membership


@pytest.fixture
def office_admin(make_member, authority):
    return make_member(Membership.Role.ADMIN, authority=authority, username="phong.quantri")


@pytest.fixture
def schools(make_school):
    """Two THCS schools and one TH school of the office."""
    return {
        "a": make_school("THCS", name="Trường THCS Tân Thông Hội", slug="thcs-tan-thong-hoi"),
        "b": make_school("THCS", name="Trường THCS Phước Hiệp", slug="thcs-phuoc-hiep"),
        "th": make_school("TH", name="Trường Tiểu học Bình Mỹ", slug="th-binh-my"),
    }


@pytest.fixture
def approvers(make_member, schools):
    return {
        key: make_member(Membership.Role.APPROVER, school=school, username=f"{key}.hieutruong")
        for key, school in schools.items()
    }


@pytest.fixture
def client(db):
    """The admin answers on the office's own host."""
    from django.conf import settings
    from django.test import Client

    return Client(HTTP_HOST=settings.PORTAL_DOMAIN)
