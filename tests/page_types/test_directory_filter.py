"""The office directory's name filter folds Vietnamese like the search, and is paginated."""

import pytest

from page_types.models import SchoolDirectoryPage

pytestmark = pytest.mark.django_db

OFFICE = "portal.test"


def directory(client, **params):
    path = "/" + SchoolDirectoryPage.objects.get().url_path.split("/", 2)[2]
    response = client.get(path, params, HTTP_HOST=OFFICE)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def schools(make_school):
    return [
        make_school("TH", name="Trường Tiểu học Tân Thông"),
        make_school("THCS", name="Trường THCS Thái Mỹ"),
        make_school("MN", name="Trường Mầm non Hòa Đông"),
        make_school("TH", name="Trường Tiểu học Phước Hiệp"),
    ]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("tan thong", "Tân Thông"),
        ("TÂN THÔNG", "Tân Thông"),
        ("THÁI MỸ", "Thái Mỹ"),
        ("thai my", "Thái Mỹ"),
        ("Hoà Đông", "Hòa Đông"),
        ("hoa dong", "Hòa Đông"),
    ],
)
def test_every_spelling_finds_the_school_and_only_it(client, schools, query, found):
    html = directory(client, q=query)
    assert found in html
    names = {"Tiểu học Tân Thông", "THCS Thái Mỹ", "Mầm non Hòa Đông", "Tiểu học Phước Hiệp"}
    assert not any(name in html for name in names if found not in name)
    assert "1 trường" in html


def test_directory_is_paginated(client, make_school, monkeypatch):
    from page_types.models import home

    monkeypatch.setattr(home, "DIRECTORY_PER_PAGE", 2)
    for n in range(5):
        make_school("TH", name=f"Trường Tiểu học Số {n}")
    first = directory(client)
    assert "5 trường" in first
    assert first.count('class="school-entry"') == 2
    last = directory(client, page=3)
    assert last.count('class="school-entry"') == 1
