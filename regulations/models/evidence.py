"""Per-school checklists of a school year and the immutable publication evidence behind each
entry, with the retention overrides that keep evidence longer."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from page_types.models.disclosure import SCHOOL_YEAR
from tenants.models import School

from .disclosure_items import Item, ItemVersion, Profile
from .immutable import ImmutableModel


class Checklist(models.Model):
    """A school's disclosure checklist for one school year, pinned to the item versions it was
    built from so later catalogue edits do not rewrite past years."""

    school = models.ForeignKey(
        School, verbose_name=_("trường"), on_delete=models.CASCADE, related_name="+"
    )
    school_year = models.CharField(_("năm học"), max_length=9, validators=[SCHOOL_YEAR])
    profile = models.ForeignKey(Profile, verbose_name=_("quy định"), on_delete=models.PROTECT)
    year_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("trang năm học"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("danh mục công khai năm học")
        verbose_name_plural = _("danh mục công khai năm học")
        constraints = [
            models.UniqueConstraint(
                fields=["school", "school_year"], name="regulations_checklist_unique"
            )
        ]

    def __str__(self):
        return f"{self.school} – {self.school_year}"


class ChecklistEntry(models.Model):
    checklist = models.ForeignKey(Checklist, on_delete=models.CASCADE, related_name="entries")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+")
    item_version = models.ForeignKey(ItemVersion, on_delete=models.PROTECT, related_name="+")
    # A plain id, not a foreign key: the publication log stays readable after a page is deleted.
    slot_page_id = models.IntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("mục trong danh mục năm học")
        verbose_name_plural = _("mục trong danh mục năm học")
        constraints = [
            models.UniqueConstraint(fields=["checklist", "item"], name="regulations_entry_unique")
        ]


class PublicationEvidence(ImmutableModel):
    """Written on every publication of a disclosure item; nobody may change or delete it."""

    school = models.ForeignKey(
        School, verbose_name=_("trường"), on_delete=models.PROTECT, related_name="+"
    )
    school_year = models.CharField(_("năm học"), max_length=9, blank=True, db_index=True)
    item_code = models.CharField(_("mã mục"), max_length=40, blank=True)
    page_id = models.IntegerField(_("mã trang"), db_index=True)
    page_title = models.CharField(_("tiêu đề"), max_length=255)
    url = models.CharField(_("địa chỉ"), max_length=500, blank=True)
    revision_id = models.IntegerField(_("mã phiên bản trang"), null=True)
    file_name = models.CharField(_("tên tệp"), max_length=255, blank=True)
    file_size = models.BigIntegerField(_("dung lượng (byte)"), null=True)
    file_sha256 = models.CharField(_("SHA-256 của tệp"), max_length=64, blank=True)
    content_sha256 = models.CharField(_("SHA-256 của nội dung trang"), max_length=64)
    published_at = models.DateTimeField(_("công bố lúc"), db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người công bố"),
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    username = models.CharField(_("tài khoản"), max_length=150, blank=True)
    recorded_at = models.DateTimeField(_("ghi nhận lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("chứng cứ công khai")
        verbose_name_plural = _("chứng cứ công khai")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["school", "school_year"])]

    def __str__(self):
        return f"{self.item_code or self.page_title} – {self.published_local}"

    @property
    def published_local(self):
        return f"{timezone.localtime(self.published_at):%d/%m/%Y %H:%M}"

    @property
    def file_sha256_short(self):
        return f"{self.file_sha256[:12]}…" if self.file_sha256 else "—"


class RetentionOverride(ImmutableModel):
    """An office admin's decision to remove a disclosure inside its retention period."""

    class Action(models.TextChoices):
        DELETE = "delete", _("Xóa")
        UNPUBLISH = "unpublish", _("Ngừng xuất bản")

    school = models.ForeignKey(
        School, verbose_name=_("trường"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    page_id = models.IntegerField(_("mã trang"))
    page_title = models.CharField(_("tiêu đề"), max_length=255)
    action = models.CharField(_("thao tác"), max_length=16, choices=Action.choices)
    reason = models.TextField(_("lý do"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người quyết định"),
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    username = models.CharField(_("tài khoản"), max_length=150, blank=True)
    created_at = models.DateTimeField(_("lúc"), default=timezone.now)

    class Meta:
        verbose_name = _("quyết định gỡ mục đang lưu giữ")
        verbose_name_plural = _("quyết định gỡ mục đang lưu giữ")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_action_display()} {self.page_title}"
