"""The mandated structure of a school site as shipped (domain/site-structure.md): the seed of
the editable blueprint (page_types.BlueprintSection) and its defaults.

The live blueprints are in the database; office admins adjust them in the admin. The seeding
migration carries its own copy of this data; this module is read by the form (what a built-in
section keeps), by office sites and by tests comparing the seeded rows with it. Levels: "required" are built and audited, "optional" built but not
required."""

from dataclasses import dataclass, field

from django.apps import apps

MN, TH, THCS = "MN", "TH", "THCS"
ALL = (MN, TH, THCS)


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    page_type: str  # "page_types.NewsIndexPage"
    required: tuple = ALL
    optional: tuple = ()
    cadence_days: int | None = None  # how old the newest item may be before "stale"
    expects_items: bool = True  # does the section fill with child items (posts)?
    children: tuple = ()
    fields: dict = field(default_factory=dict)
    # Only built for schools that serve meals when the level has it as optional.
    meals_only: bool = False

    def applies_to(self, level):
        return level in self.required or level in self.optional

    def is_required(self, level, serves_meals=False):
        return level in self.required or (
            self.meals_only and serves_meals and level in self.optional
        )

    @property
    def model(self):
        return apps.get_model(self.page_type)


YEARLY = 366
WEEKLY = 7
AS_NEEDED = None

INTRODUCTION_CHILDREN = (
    Section("lich-su", "Lịch sử", "page_types.StandardPage", expects_items=False),
    Section(
        "su-menh-tam-nhin", "Sứ mệnh – Tầm nhìn", "page_types.StandardPage", expects_items=False
    ),
    Section("co-cau-to-chuc", "Cơ cấu tổ chức", "page_types.StandardPage", expects_items=False),
    Section("ban-giam-hieu", "Ban giám hiệu", "page_types.StandardPage", expects_items=False),
    Section("doi-ngu", "Đội ngũ", "page_types.StandardPage", expects_items=False),
)

DEFAULT_BLUEPRINT = (
    Section(
        "gioi-thieu",
        "Giới thiệu",
        "page_types.StandardPage",
        cadence_days=YEARLY,
        expects_items=False,
        children=INTRODUCTION_CHILDREN,
    ),
    Section("tin-tuc", "Tin tức – Sự kiện", "page_types.NewsIndexPage", cadence_days=WEEKLY),
    Section("thong-bao", "Thông báo", "page_types.AnnouncementIndexPage", cadence_days=AS_NEEDED),
    Section("cong-khai", "Công khai", "page_types.DisclosureIndexPage", cadence_days=AS_NEEDED),
    Section("van-ban", "Văn bản", "page_types.DocumentIndexPage", cadence_days=AS_NEEDED),
    Section("tuyen-sinh", "Tuyển sinh", "page_types.AdmissionsPage", cadence_days=YEARLY),
    Section(
        "ke-hoach",
        "Kế hoạch giáo dục",
        "page_types.PlanIndexPage",
        cadence_days=31,
        children=(
            Section(
                "thoi-khoa-bieu",
                "Thời khóa biểu",
                "page_types.PlanIndexPage",
                required=(TH, THCS),
                cadence_days=AS_NEEDED,
            ),
        ),
    ),
    Section(
        "thuc-don",
        "Thực đơn",
        "page_types.MenuIndexPage",
        required=(MN,),
        optional=(TH, THCS),
        meals_only=True,
        cadence_days=WEEKLY,
    ),
    Section("lich-cong-tac", "Lịch công tác", "page_types.ScheduleIndexPage", cadence_days=WEEKLY),
    Section("bieu-mau", "Biểu mẫu – Thủ tục", "page_types.FormsIndexPage", cadence_days=AS_NEEDED),
    Section(
        "goc-phu-huynh",
        "Góc phụ huynh",
        "page_types.StandardPage",
        required=(),
        optional=ALL,
        expects_items=False,
    ),
    Section(
        "thu-vien-anh",
        "Thư viện ảnh",
        "page_types.GalleryIndexPage",
        required=(),
        optional=ALL,
        cadence_days=AS_NEEDED,
    ),
    Section(
        "lien-he", "Liên hệ", "page_types.ContactPage", cadence_days=YEARLY, expects_items=False
    ),
)

OFFICE_SECTIONS = (
    Section("tin-tuc", "Tin tức", "page_types.NewsIndexPage"),
    Section("thong-bao", "Thông báo", "page_types.AnnouncementIndexPage"),
    Section("van-ban", "Văn bản chỉ đạo", "page_types.DocumentIndexPage"),
    Section("truong-hoc", "Danh bạ trường học", "page_types.SchoolDirectoryPage"),
    Section("lien-he", "Liên hệ", "page_types.ContactPage", expects_items=False),
)


def level_fields(section):
    """{"for_mn": "required" | "optional" | "none", ...} of a Section, as BlueprintSection stores."""
    fields = {}
    for level, name in ((MN, "for_mn"), (TH, "for_th"), (THCS, "for_thcs")):
        if level in section.required:
            fields[name] = "required"
        elif level in section.optional:
            fields[name] = "optional"
        else:
            fields[name] = "none"
    return fields
