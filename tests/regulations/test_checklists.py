"""Opening a school year: exactly the profile's items for the school's level, as draft slots."""

import pytest
from django.core.management import call_command
from django.db import models
from django.utils import timezone

from page_types.models import DisclosureItemPage, DisclosureYearPage
from regulations.calendars import school_year_of
from regulations.models import Checklist, Item, ItemVersion, Profile, ProfileOverride
from regulations.services import open_school_year, year_status

from .conftest import section, slot

pytestmark = pytest.mark.django_db

EXPECTED = {
    ("2016-2017", "MN"): ["BM01", "BM02", "BM03", "BM04", "KD", "TC"],
    ("2016-2017", "TH"): ["BM05", "BM06", "BM07", "BM08", "KD", "TC"],
    ("2016-2017", "THCS"): ["BM09", "BM10", "BM11", "BM12", "KD", "TC"],
    ("2019-2020", "MN"): ["BM01", "BM02", "BM03", "BM04", "KD", "TC"],
    ("2019-2020", "TH"): ["BM05", "BM06", "BM07", "BM08", "KD", "TC"],
    ("2019-2020", "THCS"): ["BM09", "BM10", "BM11", "BM12", "KD", "TC"],
    ("2024-2025", "MN"): ["D4", "D5", "D6", "D7", "BCTN"],
    ("2024-2025", "TH"): ["D4", "D5", "D8", "D9", "BCTN"],
    ("2024-2025", "THCS"): ["D4", "D5", "D8", "D9", "BCTN"],
}
PROFILE = {"2016-2017": "TT09_2009", "2019-2020": "TT36_2017", "2024-2025": "TT09_2024"}


def test_catalogue_is_seeded_with_confidence_marks():
    assert set(Profile.objects.values_list("code", flat=True)) == set(PROFILE.values())
    assert Item.objects.filter(profile__code="TT09_2009").count() == 14
    assert Item.objects.filter(profile__code="TT36_2017").count() == 14
    assert Item.objects.filter(profile__code="TT09_2024").count() == 10
    assert set(Item.objects.values_list("confidence", flat=True)) == {"A", "B", "C"}
    # Every item starts with its version 1.
    assert ItemVersion.objects.count() == Item.objects.count()
    bm05 = Item.objects.get(code="TT09_2009.BM05")
    assert bm05.columns == ["STT", "Nội dung", "Lớp 1", "Lớp 2", "Lớp 3", "Lớp 4", "Lớp 5"]
    assert Item.objects.get(code="TT09_2024.BCTN").format_list == ["pdf"]


@pytest.mark.parametrize(("school_year", "level"), list(EXPECTED))
def test_a_school_gets_exactly_its_profiles_items(make_school, school_year, level):
    school = make_school(level)
    result = open_school_year(school, school_year)
    profile = PROFILE[school_year]
    year = result.year_page
    assert year.live and year.school_year == school_year and year.profile_code == profile
    assert year.url_path.endswith(f"/cong-khai/{school_year}/")
    slots = DisclosureItemPage.objects.child_of(year)
    expected = [f"{profile}.{suffix}" for suffix in EXPECTED[(school_year, level)]]
    assert sorted(slots.values_list("item_code", flat=True)) == sorted(expected)
    for page in slots:
        assert not page.live  # parents never see an empty slot
        assert page.slug == page.item_code.lower().replace(".", "-").replace("_", "-")
    status = year_status(school, timezone.localdate(), school_year)
    assert [s.code for s in status.items] == expected
    assert status.profile.code == profile


def test_recurring_items_are_in_the_checklist_but_get_no_slot(make_school):
    mn = make_school("MN")
    th = make_school("TH")
    th_meals = make_school("TH", serves_meals=True)
    for school in (mn, th, th_meals):
        open_school_year(school, "2024-2025")

    def recurring(school):
        checklist = Checklist.objects.get(school=school, school_year="2024-2025")
        return sorted(
            e.item.code
            for e in checklist.entries.select_related("item")
            if e.item.kind == "recurring"
        )

    assert recurring(mn) == ["TT09_2024.KH_THANG", "TT09_2024.KH_TUAN", "TT09_2024.THUC_DON"]
    assert recurring(th) == []
    assert recurring(th_meals) == ["TT09_2024.THUC_DON"]
    assert not DisclosureItemPage.objects.filter(item_code__contains="THUC_DON").exists()


def test_form_slots_come_with_the_forms_columns(make_school):
    school = make_school("TH")
    open_school_year(school, "2016-2017")
    page = slot(school, "2016-2017", "TT09_2009.BM05")
    table = page.table[0].value
    assert [c["heading"] for c in table.columns] == [
        "STT",
        "Nội dung",
        "Lớp 1",
        "Lớp 2",
        "Lớp 3",
        "Lớp 4",
        "Lớp 5",
    ]
    assert table.row_data[0]["values"][:2] == ["1", "Điều kiện tuyển sinh"]
    # Headings and labels alone are not content.
    assert not page.has_content


def test_opening_is_idempotent_and_adopts_existing_pages(make_school):
    school = make_school("THCS")
    first = open_school_year(school, "2016-2017")
    again = open_school_year(school, "2016-2017")
    assert first.changed and not again.changed
    assert DisclosureYearPage.objects.filter(school_year="2016-2017").count() == 1
    # A slot deleted by hand comes back; the others are not duplicated.
    slot(school, "2016-2017", "TT09_2009.BM12").delete()
    third = open_school_year(school, "2016-2017")
    assert [p.item_code for p in third.created_slots] == ["TT09_2009.BM12"]
    assert DisclosureItemPage.objects.child_of(third.year_page).count() == 6


def test_provisioning_opens_the_current_school_year(school):
    current = school_year_of(timezone.localdate())
    checklist = Checklist.objects.get(school=school)
    assert checklist.school_year == current
    year = DisclosureYearPage.objects.child_of(section(school, "cong-khai")).get()
    assert year.school_year == current and year.live
    assert (
        DisclosureItemPage.objects.child_of(year).count()
        == checklist.entries.exclude(item__kind="recurring").count()
    )


def test_open_school_year_command(authority, make_school, capsys):
    a = make_school("MN")
    b = make_school("TH")
    call_command("open_school_year", "2016-2017", authority=authority.code)
    out = capsys.readouterr().out
    assert "2 trường" in out and "2 trang năm học mới, 12 mục công khai mới" in out
    call_command("open_school_year", "2016-2017", school=b.code)
    assert "0 trang năm học mới, 0 mục công khai mới" in capsys.readouterr().out
    assert Checklist.objects.filter(school_year="2016-2017").count() == 2
    assert a.pk != b.pk


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("2016-2018",), "không hợp lệ"),
        (("2016-2017", "--school", "KHONG-CO"), "Không có trường mã"),
        (("2016-2017", "--authority", "KHONG-CO"), "Không có đơn vị"),
    ],
)
def test_open_school_year_command_errors(db, args, message):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match=message):
        call_command("open_school_year", *args)


def test_transition_year_override_per_authority(authority, make_school):
    school = make_school("TH")
    other_office_school = make_school("TH")
    # 1/9/2017: TT09_2009 still in force (TT36 from 13/02/2018) ...
    assert open_school_year(other_office_school, "2017-2018").checklist.profile.code == "TT09_2009"
    # ... unless the office decides the year follows TT36_2017.
    ProfileOverride.objects.create(
        authority=authority,
        school_year="2018-2019",
        profile=Profile.objects.get(code="TT09_2009"),
    )
    ProfileOverride.objects.create(
        authority=authority, school_year="2017-2018", profile=Profile.objects.get(code="TT36_2017")
    )
    Checklist.objects.filter(school=other_office_school).delete()
    result = open_school_year(school, "2017-2018")
    assert result.checklist.profile.code == "TT36_2017"
    assert result.year_page.profile_code == "TT36_2017"
    assert open_school_year(school, "2018-2019").checklist.profile.code == "TT09_2009"


def test_catalogue_edits_keep_versions_and_old_checklists_keep_theirs(make_school):
    school = make_school("TH")
    open_school_year(school, "2016-2017")
    item = Item.objects.get(code="TT09_2009.BM06")
    old_title = item.title
    item.title = "Biểu mẫu 06 – Chất lượng giáo dục thực tế (sửa)"
    item.save()
    item.save()  # saving again without a change writes no new version
    assert list(item.versions.values_list("version", flat=True)) == [2, 1]
    assert item.versions.get(version=1).data["title"] == old_title
    # 2016-2017 was built from version 1 and keeps it.
    old = year_status(school, timezone.localdate(), "2016-2017")
    assert next(s for s in old.items if s.code == "TT09_2009.BM06").title == old_title
    # A later school opening the same year uses the version current at that time.
    newcomer = make_school("TH")
    open_school_year(newcomer, "2016-2017")
    new = year_status(newcomer, timezone.localdate(), "2016-2017")
    assert next(s for s in new.items if s.code == "TT09_2009.BM06").title.endswith("(sửa)")


def test_an_emptied_catalogue_is_seeded_again_when_a_school_is_provisioned(make_school):
    # A flushed database (transactional tests) loses the migration's rows. Versions refuse
    # deletion through their manager; a flush goes around it, like the plain QuerySet here.
    Checklist.objects.all().delete()
    models.QuerySet.delete(ItemVersion.objects.all())
    Item.objects.all().delete()
    Profile.objects.all().delete()
    school = make_school("MN")
    assert Item.objects.count() == 38 and ItemVersion.objects.count() == 38
    assert Checklist.objects.get(school=school).entries.count() > 0
