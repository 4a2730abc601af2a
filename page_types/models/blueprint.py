"""The site blueprint as rows an office admin edits (domain/site-structure.md). Provisioning,
the editor's checklist and the audit read it through page_types.blueprint, which caches it."""

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# Page types a section may have: the index/standard page types a school home accepts.
SECTION_PAGE_TYPES = (
    ("page_types.StandardPage", _("Trang nội dung (có thể có trang con)")),
    ("page_types.NewsIndexPage", _("Chuyên mục tin tức")),
    ("page_types.AnnouncementIndexPage", _("Chuyên mục thông báo")),
    ("page_types.DisclosureIndexPage", _("Chuyên mục công khai")),
    ("page_types.DocumentIndexPage", _("Chuyên mục văn bản")),
    ("page_types.AdmissionsPage", _("Trang tuyển sinh")),
    ("page_types.PlanIndexPage", _("Chuyên mục kế hoạch")),
    ("page_types.MenuIndexPage", _("Chuyên mục thực đơn")),
    ("page_types.ScheduleIndexPage", _("Chuyên mục lịch công tác")),
    ("page_types.FormsIndexPage", _("Chuyên mục biểu mẫu")),
    ("page_types.GalleryIndexPage", _("Thư viện ảnh")),
    ("page_types.ContactPage", _("Trang liên hệ")),
)
# What an office admin may choose for a section they add. Disclosure and contact pages are one
# per school (the regulations app and the feedback form find them by their built-in key).
ADDABLE_PAGE_TYPES = tuple(
    (value, label)
    for value, label in SECTION_PAGE_TYPES
    if value not in ("page_types.DisclosureIndexPage", "page_types.ContactPage")
)

SLUG_VALIDATOR = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    _(
        "Đường dẫn chỉ gồm chữ thường không dấu (a–z), chữ số và dấu gạch nối giữa các từ, "
        "ví dụ: hoat-dong-ngoai-khoa."
    ),
)


class LevelUse(models.TextChoices):
    REQUIRED = "required", _("Bắt buộc")
    OPTIONAL = "optional", _("Tùy chọn")
    NONE = "none", _("Không có")


class BlueprintSection(models.Model):
    """One section of the mandated school site structure. Built-in rows come from the seed
    (page_types/blueprint/seed.py); code refers to their slugs and page types, so those stay.

    Rows belong to an owner: an authority's own version of the blueprint, which its schools and
    those of its sub-offices follow unless one of those has its own; rows with no owner are the
    instance default (page_types/blueprint/ownership.py)."""

    owner = models.ForeignKey(
        "tenants.Authority",
        verbose_name=_("đơn vị sở hữu"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.CASCADE,
        related_name="+",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("mục cha"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("Để trống nếu là mục cấp một, ngay dưới trang chủ của trường."),
    )
    slug = models.CharField(
        _("đường dẫn"),
        max_length=80,
        validators=[SLUG_VALIDATOR],
        help_text=_("Phần địa chỉ của trang, không dấu, ví dụ: hoat-dong-ngoai-khoa."),
    )
    title = models.CharField(
        _("tiêu đề"),
        max_length=255,
        help_text=_("Tiêu đề trang khi tạo cho trường mới; trang của các trường đã có giữ tên cũ."),
    )
    page_type = models.CharField(_("loại trang"), max_length=64, choices=SECTION_PAGE_TYPES)
    for_mn = models.CharField(
        _("Mầm non"), max_length=8, choices=LevelUse.choices, default=LevelUse.REQUIRED
    )
    for_th = models.CharField(
        _("Tiểu học"), max_length=8, choices=LevelUse.choices, default=LevelUse.REQUIRED
    )
    for_thcs = models.CharField(
        _("Trung học cơ sở"), max_length=8, choices=LevelUse.choices, default=LevelUse.REQUIRED
    )
    meals_only = models.BooleanField(
        _("chỉ cho trường có bán trú"),
        default=False,
        help_text=_(
            "Với cấp học đặt “Tùy chọn”: chỉ tạo mục (và khi đó là bắt buộc) cho trường có tổ "
            "chức bán trú."
        ),
    )
    cadence_days = models.PositiveSmallIntegerField(
        _("chu kỳ cập nhật (ngày)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Quá số ngày này mà mục không có nội dung mới thì bị tính là chậm cập nhật. "
            "Để trống: cập nhật khi cần."
        ),
    )
    expects_items = models.BooleanField(
        _("có bài đăng bên trong"),
        default=True,
        help_text=_(
            "Bật nếu mục nhận các bài đăng con (tin, thông báo, văn bản…); tắt nếu mục là một "
            "trang nội dung được cập nhật trực tiếp."
        ),
    )
    sort_order = models.IntegerField(_("thứ tự"), default=0)
    built_in = models.BooleanField(_("có sẵn"), default=False, editable=False)

    class Meta:
        verbose_name = _("mục cấu trúc trang trường")
        verbose_name_plural = _("cấu trúc trang trường")
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "slug"], name="blueprint_section_unique_child_slug"
            ),
            # A child's parent has the child's owner: (parent, slug) is unique per owner already.
            models.UniqueConstraint(
                fields=["slug"],
                condition=Q(parent__isnull=True, owner__isnull=True),
                name="blueprint_section_unique_top_slug",
            ),
            models.UniqueConstraint(
                fields=["owner", "slug"],
                condition=Q(parent__isnull=True, owner__isnull=False),
                name="blueprint_section_unique_owned_top_slug",
            ),
        ]

    def __str__(self):
        return self.title

    @staticmethod
    def tenant_scope(scope):
        """For the admin's tenant isolation (tenants/isolation/registry.py): office staff see
        the instance default and the versions of the authorities on their lineage or in their
        subtree (never another office's), school users nothing."""
        if scope.unrestricted:
            return Q()
        if not scope.authority_roles:
            return Q(pk__in=[])
        from tenants.models import authority_lineages

        lineages = authority_lineages()
        visible = set(scope.authority_ids)
        for pk in scope.authority_roles:
            visible.update(lineages.get(pk, ()))
        return Q(owner__isnull=True) | Q(owner_id__in=sorted(visible))

    @property
    def key(self):
        """The section's path below the school home, as MandatedSection.key stores it."""
        return f"{self.parent.slug}/{self.slug}" if self.parent_id else self.slug

    def tree_title(self):
        # Children are listed under their parent, indented.
        return f"— {self.title}" if self.parent_id else self.title

    tree_title.short_description = _("mục")

    def level_uses(self):
        return {"MN": self.for_mn, "TH": self.for_th, "THCS": self.for_thcs}
