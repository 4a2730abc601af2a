"""Shared fixtures: real provisioning (the same service the commands use), never hand-built trees."""

import itertools

import pytest
from django.core.cache import cache

from page_types.blueprint import forget_blueprint
from tenants.models import Membership
from tenants.provisioning import SchoolData, add_member, create_authority, provision_school

OWN_PROCESS = "own_process"


def pytest_collection_modifyitems(config, items):
    """A test marked `own_process` commits rows that a flush must remove afterwards, which empties
    the seeded rows (root page, blueprint, rubric, permissions) for every later test of the same
    process. It runs only when selected by `-m own_process` (`make test` does, after the suite)."""
    if OWN_PROCESS in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="runs in its own process: pytest -m own_process")
    for item in items:
        if item.get_closest_marker(OWN_PROCESS):
            item.add_marker(skip)


_codes = itertools.count(1)


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    # The blueprint's in-process copy may hold rows a previous test's rollback removed.
    forget_blueprint()
    yield
    cache.clear()
    forget_blueprint()


@pytest.fixture
def authority(db):
    authority, _ = create_authority("PGD-CUCHI", "Phòng Giáo dục và Đào tạo huyện Củ Chi")
    return authority


@pytest.fixture
def make_school(authority):
    """make_school(level="TH", **fields) provisions a school with its whole site."""

    def make(level="TH", authority_code=None, **fields):
        n = next(_codes)
        data = SchoolData(
            code=fields.pop("code", f"7978{n:04d}"),
            name=fields.pop("name", f"Trường {level} Số {n}"),
            level=level,
            authority=authority_code or authority.code,
            slug=fields.pop("slug", f"{level.lower()}-so-{n}"),
            address=fields.pop("address", "Ấp 1, xã Tân Thông Hội, huyện Củ Chi"),
            phone=fields.pop("phone", "028 3892 0000"),
            email=fields.pop("email", f"truong{n}@cuchi.edu.vn"),
            principal=fields.pop("principal", "Nguyễn Văn An"),
            extra=fields,
        )
        school, _ = provision_school(data)
        return school

    return make


@pytest.fixture
def school(make_school):
    return make_school("TH", name="Trường Tiểu học Tân Thông", slug="th-tan-thong")


@pytest.fixture
def other_school(make_school):
    return make_school("TH", name="Trường Tiểu học Phước Vĩnh An", slug="th-phuoc-vinh-an")


@pytest.fixture
def make_member(db):
    """make_member(role, school=None, authority=None, username=None) → a user with that role."""

    def make(role, school=None, authority=None, username=None, password="matkhau-demo-123"):
        username = username or f"{role}-{next(_codes)}"
        user, _ = add_member(
            username,
            role,
            school=school,
            authority=authority,
            password=password,
            email=f"{username}@example.vn",
        )
        return user

    return make


@pytest.fixture
def editor(make_member, school):
    return make_member(Membership.Role.EDITOR, school=school, username="bientap")


@pytest.fixture
def approver(make_member, school):
    return make_member(Membership.Role.APPROVER, school=school, username="hieutruong")


def host_of(school):
    return school.hostname
