"""The tenancy model: supervising offices (a tree), the schools they supervise, who belongs to
which, and the extra host names a school answers on."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

HOST_LABEL = RegexValidator(
    r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$",
    _("Chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang; không bắt đầu/kết thúc bằng “-”."),
)


class Level(models.TextChoices):
    MN = "MN", _("Mầm non")
    TH = "TH", _("Tiểu học")
    THCS = "THCS", _("Trung học cơ sở")


class Authority(models.Model):
    """A supervising office. Sở → Phòng GD&ĐT (until 2025) or Sở → commune office (since)."""

    class Kind(models.TextChoices):
        SO = "so", _("Sở Giáo dục và Đào tạo")
        PHONG = "phong", _("Phòng Giáo dục và Đào tạo")
        XA = "xa", _("Phòng Văn hóa – Xã hội cấp xã")

    code = models.CharField(_("mã đơn vị"), max_length=32, unique=True)
    name = models.CharField(_("tên đơn vị"), max_length=255)
    kind = models.CharField(_("loại"), max_length=8, choices=Kind.choices, default=Kind.PHONG)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Materialised path of codes ("SO-HCM/PGD-CUCHI/") so a subtree is one indexed prefix filter.
    path = models.CharField(max_length=512, editable=False, db_index=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=64, blank=True)
    email = models.EmailField(_("email"), blank=True)
    site = models.OneToOneField(
        "wagtailcore.Site",
        verbose_name=_("trang của đơn vị"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="authority",
    )
    admins_group = models.OneToOneField(
        "auth.Group", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    auditors_group = models.OneToOneField(
        "auth.Group", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("đơn vị quản lý")
        verbose_name_plural = _("đơn vị quản lý")
        ordering = ["path"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.path = (self.parent.path if self.parent_id else "") + self.code + "/"
        super().save(*args, **kwargs)

    def subtree(self):
        return Authority.objects.filter(path__startswith=self.path)

    def ancestors_and_self(self):
        codes = [c for c in self.path.split("/") if c]
        return Authority.objects.filter(code__in=codes)

    def schools_in_subtree(self):
        return School.objects.filter(authority__path__startswith=self.path)


def authority_lineages():
    """{authority id: (its id, its parent's, …, its top office's)}, nearest first, from one
    query over the whole tree (a few levels deep, at most a few hundred offices)."""
    parents = dict(Authority.objects.values_list("pk", "parent_id"))
    lineages = {}
    for pk in parents:
        chain = [pk]
        while (up := parents.get(chain[-1])) is not None and up not in chain:
            chain.append(up)
        lineages[pk] = tuple(chain)
    return lineages


def nearest_owner(lineage, owners):
    """The rules an authority's schools follow (the blueprint, the rubric) are those of the
    nearest authority on its lineage that has its own: the first of `lineage` in `owners`, or
    None when none has, and the instance default (owned by nobody) applies."""
    return next((pk for pk in lineage if pk in owners), None)


class School(models.Model):
    """A tenant: one school, one Wagtail Site, one page tree, one collection, its own groups."""

    code = models.CharField(_("mã trường"), max_length=32, unique=True)
    name = models.CharField(_("tên trường"), max_length=255)
    level = models.CharField(_("cấp học"), max_length=4, choices=Level.choices)
    authority = models.ForeignKey(
        Authority,
        verbose_name=_("đơn vị quản lý"),
        on_delete=models.PROTECT,
        related_name="schools",
    )
    slug = models.CharField(_("tên miền con"), max_length=63, unique=True, validators=[HOST_LABEL])
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=64, blank=True)
    email = models.EmailField(_("email"), blank=True)
    principal = models.CharField(_("hiệu trưởng"), max_length=255, blank=True)
    commune = models.CharField(_("xã/phường"), max_length=255, blank=True)
    serves_meals = models.BooleanField(
        _("có tổ chức bán trú"),
        default=False,
        help_text=_(
            "Trường tiểu học/THCS có tổ chức ăn bán trú phải công khai thực đơn hằng tuần."
        ),
    )
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    site = models.OneToOneField(
        "wagtailcore.Site", null=True, blank=True, on_delete=models.SET_NULL, related_name="school"
    )
    root_page = models.OneToOneField(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="school",
    )
    editors_group = models.OneToOneField(
        "auth.Group", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approvers_group = models.OneToOneField(
        "auth.Group", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("trường học")
        verbose_name_plural = _("trường học")
        ordering = ["level", "name"]
        indexes = [models.Index(fields=["authority", "level"])]

    def __str__(self):
        return self.name

    @property
    def hostname(self):
        return f"{self.slug}.{settings.PORTAL_DOMAIN}"

    @property
    def root_url(self):
        return site_root_url(self.hostname)

    @classmethod
    def for_page(cls, page):
        """The school owning a page: schools' home pages sit at depth 2 of the tree."""
        if page is None or page.depth < 2:
            return None
        root_path = page.path[: 2 * page.steplen]
        return cls.objects.filter(root_page__path=root_path).select_related("authority").first()


def site_root_url(hostname):
    port = settings.PORTAL_PORT
    scheme = settings.PORTAL_SCHEME
    default = 443 if scheme == "https" else 80
    suffix = "" if port == default else f":{port}"
    return f"{scheme}://{hostname}{suffix}"


class Membership(models.Model):
    """A role given to a user: in one school, or in an authority's whole subtree."""

    class Role(models.TextChoices):
        EDITOR = "editor", _("Biên tập viên")
        APPROVER = "approver", _("Ban giám hiệu (duyệt bài)")
        AUDITOR = "auditor", _("Cán bộ kiểm tra của Phòng/Sở")
        ADMIN = "admin", _("Quản trị của Phòng/Sở")

    SCHOOL_ROLES = (Role.EDITOR, Role.APPROVER)
    AUTHORITY_ROLES = (Role.AUDITOR, Role.ADMIN)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    school = models.ForeignKey(
        School, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships"
    )
    authority = models.ForeignKey(
        Authority, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("vai trò"), max_length=16, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phân quyền")
        verbose_name_plural = _("phân quyền")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(school__isnull=False, authority__isnull=True)
                    | models.Q(school__isnull=True, authority__isnull=False)
                ),
                name="membership_school_xor_authority",
            ),
            models.UniqueConstraint(
                fields=["user", "school", "role"],
                condition=models.Q(school__isnull=False),
                name="membership_unique_school_role",
            ),
            models.UniqueConstraint(
                fields=["user", "authority", "role"],
                condition=models.Q(authority__isnull=False),
                name="membership_unique_authority_role",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} – {self.school or self.authority}"


class SchoolDomain(models.Model):
    """An extra host name a school answers on (its own edu.vn domain, for example)."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="extra_domains")
    hostname = models.CharField(_("tên miền"), max_length=255, unique=True)

    class Meta:
        verbose_name = _("tên miền bổ sung")
        verbose_name_plural = _("tên miền bổ sung")

    def __str__(self):
        return self.hostname
