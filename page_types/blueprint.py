"""The mandated structure of a school site, declared once as data (domain/site-structure.md).

Three readers: provisioning builds the tree from it, the editor's checklist and the audit
measure each section against it. Levels: "req" = required, "opt" = built but optional."""

from dataclasses import dataclass, field

from django.apps import apps
from django.db import transaction
from wagtail.models import Page

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

BLUEPRINT = (
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


def sections_for(level, serves_meals=False, sections=BLUEPRINT, prefix=""):
    """Yield (key, section) for every section a school of this level gets, depth first."""
    for section in sections:
        if not section.applies_to(level):
            continue
        if section.meals_only and level not in section.required and not serves_meals:
            continue
        key = prefix + section.slug
        yield key, section
        yield from sections_for(level, serves_meals, section.children, key + "/")


def contact_subject(school_name):
    """Subject of the e-mails a school's contact form sends."""
    return f"Góp ý gửi {school_name}"


def _add_section(parent, section, school):
    from .models import ContactPage
    from .models.contact import DEFAULT_FORM_FIELDS, ContactFormField

    model = section.model
    page = model(title=section.title, slug=section.slug, show_in_menus=True, **section.fields)
    if model is ContactPage and school is not None:
        page.address, page.phone, page.email = school.address, school.phone, school.email
        page.subject = contact_subject(school.name)
        page.to_address = school.email
    parent.add_child(instance=page)
    if model is ContactPage:
        # Saved directly: the cluster manager's create() only stages rows until the next save.
        for order, spec in enumerate(DEFAULT_FORM_FIELDS):
            ContactFormField.objects.create(page=page, sort_order=order, **spec)
    return page


@transaction.atomic
def build_school_site(school):
    """Create the school's home page and every section its level requires. Returns the home."""
    from .models import SchoolHomePage

    root = Page.get_first_root_node()
    home = SchoolHomePage(title=school.name, slug=school.slug, motto="")
    root.add_child(instance=home)
    ensure_sections(school, home)
    return home


def ensure_sections(school, home):
    """Add what the blueprint requires and the tree lacks; never delete. Returns pages added."""
    from .models import MandatedSection

    existing = dict(MandatedSection.objects.filter(school=school).values_list("key", "page_id"))
    pages = {"": home}
    added = []
    for key, section in sections_for(school.level, school.serves_meals):
        parent_key = key.rpartition("/")[0]
        if key in existing:
            pages[key] = Page.objects.get(pk=existing[key])
            continue
        parent = pages[parent_key]
        page = parent.get_children().filter(slug=section.slug).first()
        if page is None:
            page = _add_section(parent, section, school)
            added.append(page)
        MandatedSection.objects.create(page=page, school=school, key=key)
        pages[key] = page
    return added


@transaction.atomic
def build_office_site(authority):
    from .models import MandatedSection, OfficeHomePage

    root = Page.get_first_root_node()
    home = OfficeHomePage(title=authority.name, slug=authority.code.lower())
    root.add_child(instance=home)
    for section in OFFICE_SECTIONS:
        page = _add_section(home, section, None)
        MandatedSection.objects.create(page=page, school=None, key=f"office/{section.slug}")
    return home
