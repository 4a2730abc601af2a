"""The blueprint's built-in sections as shipped (domain/site-structure.md).

The data is copied here rather than read from page_types/blueprint/seed.py, so this migration
stays what it was when the code changes; tests/page_types/test_blueprint_admin.py checks that
the rows it makes are the shipped DEFAULT_BLUEPRINT."""

from django.db import migrations

REQ, OPT, NO = "required", "optional", "none"
YEARLY = 366
# (slug, title, page type, MN, TH, THCS, meals only, cadence days, expects items, children)
SECTIONS = (
    ("gioi-thieu", "Giới thiệu", "StandardPage", REQ, REQ, REQ, False, YEARLY, False, (
        ("lich-su", "Lịch sử", "StandardPage", REQ, REQ, REQ, False, None, False, ()),
        ("su-menh-tam-nhin", "Sứ mệnh – Tầm nhìn", "StandardPage", REQ, REQ, REQ, False, None, False, ()),
        ("co-cau-to-chuc", "Cơ cấu tổ chức", "StandardPage", REQ, REQ, REQ, False, None, False, ()),
        ("ban-giam-hieu", "Ban giám hiệu", "StandardPage", REQ, REQ, REQ, False, None, False, ()),
        ("doi-ngu", "Đội ngũ", "StandardPage", REQ, REQ, REQ, False, None, False, ()),
    )),
    ("tin-tuc", "Tin tức – Sự kiện", "NewsIndexPage", REQ, REQ, REQ, False, 7, True, ()),
    ("thong-bao", "Thông báo", "AnnouncementIndexPage", REQ, REQ, REQ, False, None, True, ()),
    ("cong-khai", "Công khai", "DisclosureIndexPage", REQ, REQ, REQ, False, None, True, ()),
    ("van-ban", "Văn bản", "DocumentIndexPage", REQ, REQ, REQ, False, None, True, ()),
    ("tuyen-sinh", "Tuyển sinh", "AdmissionsPage", REQ, REQ, REQ, False, YEARLY, True, ()),
    ("ke-hoach", "Kế hoạch giáo dục", "PlanIndexPage", REQ, REQ, REQ, False, 31, True, (
        ("thoi-khoa-bieu", "Thời khóa biểu", "PlanIndexPage", NO, REQ, REQ, False, None, True, ()),
    )),
    ("thuc-don", "Thực đơn", "MenuIndexPage", REQ, OPT, OPT, True, 7, True, ()),
    ("lich-cong-tac", "Lịch công tác", "ScheduleIndexPage", REQ, REQ, REQ, False, 7, True, ()),
    ("bieu-mau", "Biểu mẫu – Thủ tục", "FormsIndexPage", REQ, REQ, REQ, False, None, True, ()),
    ("goc-phu-huynh", "Góc phụ huynh", "StandardPage", OPT, OPT, OPT, False, None, False, ()),
    ("thu-vien-anh", "Thư viện ảnh", "GalleryIndexPage", OPT, OPT, OPT, False, None, True, ()),
    ("lien-he", "Liên hệ", "ContactPage", REQ, REQ, REQ, False, YEARLY, False, ()),
)  # fmt: skip


def _create(model, sections, parent=None):
    for order, spec in enumerate(sections, start=1):
        slug, title, page_type, mn, th, thcs, meals_only, cadence, expects, children = spec
        row = model.objects.create(
            parent=parent,
            slug=slug,
            title=title,
            page_type=f"page_types.{page_type}",
            for_mn=mn,
            for_th=th,
            for_thcs=thcs,
            meals_only=meals_only,
            cadence_days=cadence,
            expects_items=expects,
            sort_order=order * 10,
            built_in=True,
        )
        _create(model, children, row)


def seed(apps, schema_editor):
    BlueprintSection = apps.get_model("page_types", "BlueprintSection")
    if not BlueprintSection.objects.exists():
        _create(BlueprintSection, SECTIONS)


def unseed(apps, schema_editor):
    BlueprintSection = apps.get_model("page_types", "BlueprintSection")
    BlueprintSection.objects.filter(parent__isnull=False).delete()
    BlueprintSection.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("page_types", "0003_blueprintsection")]

    operations = [migrations.RunPython(seed, unseed)]
