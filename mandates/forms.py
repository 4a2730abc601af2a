"""The office's form for a new directive: targets only within the office's own subtree."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput
from wagtail.documents.widgets import AdminDocumentChooser

from page_types.models import MandatedSection
from regulations.models import Item
from regulations.year_opening import ensure_catalogue
from tenants.models import School

from .models import Action, Directive, TargetKind
from .services import POST_SECTIONS


class DirectiveForm(forms.ModelForm):
    publish_on_site = forms.BooleanField(
        label=_("Đăng chỉ đạo lên trang của đơn vị (mục Văn bản chỉ đạo)"),
        required=False,
        help_text=_("Cần số văn bản; tệp văn bản (nếu có) được đính kèm."),
    )
    schools = forms.ModelMultipleChoiceField(
        label=_("Danh sách trường"),
        queryset=School.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Khi gửi đến một danh sách trường."),
    )

    class Meta:
        model = Directive
        fields = [
            "authority",
            "title",
            "body",
            "letter_number",
            "letter_date",
            "letter_signer",
            "letter_document",
            "deadline",
            "action",
            "section_key",
            "item_code",
            "post_title",
            "post_body",
            "target_kind",
            "target_level",
            "target_authority",
        ]
        widgets = {
            "letter_date": AdminDateInput,
            "deadline": AdminDateInput,
            "letter_document": AdminDocumentChooser,
            "body": forms.Textarea(attrs={"rows": 5}),
            "post_body": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "section_key": _(
                "Đăng bài: “tin-tuc” (Tin tức) hoặc “tuyen-sinh” (Tuyển sinh). Cập nhật chuyên "
                "mục: đường dẫn của mục trong cấu trúc trang trường, ví dụ “ke-hoach”."
            ),
            "post_body": _("Nhà trường có thể đăng nguyên văn hoặc điều chỉnh cho phù hợp."),
        }

    def __init__(self, *args, authorities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["authority"].queryset = authorities
        self.fields["target_authority"].queryset = authorities
        self.fields["schools"].queryset = School.objects.filter(
            authority__in=authorities, is_active=True
        ).order_by("level", "name")
        if authorities.count() == 1:
            self.fields["authority"].initial = authorities.first()

    def clean(self):
        data = super().clean()
        action = data.get("action")
        key = (data.get("section_key") or "").strip().strip("/")
        data["section_key"] = key
        if action == Action.PUBLISH_POST and key not in POST_SECTIONS:
            self.add_error(
                "section_key",
                _("Bài đăng chỉ đăng được ở chuyên mục “tin-tuc” hoặc “tuyen-sinh”."),
            )
        code = (data.get("item_code") or "").strip()
        data["item_code"] = code if action == Action.FILL_SECTION else ""
        if action == Action.FILL_SECTION:
            self._clean_fill(key, code)
        if action == Action.PUBLISH_POST and not (data.get("post_title") or "").strip():
            self.add_error("post_title", _("Nhập tiêu đề bài đăng cho các trường."))
        kind = data.get("target_kind")
        if kind == TargetKind.LEVEL and not data.get("target_level"):
            self.add_error("target_level", _("Chọn cấp học."))
        if kind == TargetKind.AUTHORITY:
            target = data.get("target_authority")
            issuer = data.get("authority")
            if not target:
                self.add_error("target_authority", _("Chọn đơn vị trực thuộc."))
            elif issuer and not target.path.startswith(issuer.path):
                self.add_error(
                    "target_authority", _("Đơn vị này không trực thuộc đơn vị ban hành.")
                )
        if data.get("publish_on_site") and not (data.get("letter_number") or "").strip():
            self.add_error("letter_number", _("Nhập số văn bản để đăng lên trang của đơn vị."))
        if kind == TargetKind.SCHOOLS and not data.get("schools"):
            self.add_error("schools", _("Chọn ít nhất một trường."))
        return data

    def _clean_fill(self, key, code):
        """Fill a section: a blueprint section or a disclosure item, exactly one of them."""
        if key and code:
            self.add_error("item_code", _("Chọn chuyên mục hoặc mục công khai, không chọn cả hai."))
        elif code:
            ensure_catalogue()
            if not Item.objects.filter(code=code, is_active=True).exists():
                self.add_error(
                    "item_code",
                    _("Không có mục công khai mã “%(code)s” đang áp dụng.") % {"code": code},
                )
        elif not key or not MandatedSection.objects.filter(key=key).exists():
            self.add_error(
                "section_key",
                _("Không có mục “%(key)s” trong cấu trúc trang trường.") % {"key": key},
            )
