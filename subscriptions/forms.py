from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Frequency

CONSENT_TEXT = _(
    "Tôi đồng ý để nhà trường lưu địa chỉ email này chỉ để gửi những tin tôi chọn ở trên. "
    "Tôi có thể hủy bất cứ lúc nào bằng liên kết trong mỗi thư; khi hủy, địa chỉ bị xóa."
)


class PreferencesForm(forms.Form):
    wants_announcements = forms.BooleanField(label=_("Thông báo của nhà trường"), required=False)
    audience = forms.CharField(
        label=_("Chỉ thông báo cho khối/lớp (để trống: mọi thông báo)"),
        help_text=_("Ví dụ: Khối 5 hoặc Lớp 3A. Thông báo chung của toàn trường luôn được gửi."),
        max_length=50,
        required=False,
    )
    wants_news = forms.BooleanField(label=_("Tin tức – sự kiện"), required=False)
    frequency = forms.ChoiceField(
        label=_("Cách nhận"),
        choices=Frequency.choices,
        initial=Frequency.IMMEDIATE,
        widget=forms.RadioSelect,
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("wants_announcements") and not cleaned.get("wants_news"):
            raise forms.ValidationError(_("Chọn ít nhất một loại tin: thông báo hoặc tin tức."))
        return cleaned


class SubscribeForm(PreferencesForm):
    email = forms.EmailField(
        label=_("Địa chỉ email"),
        max_length=254,
        error_messages={"invalid": _("Địa chỉ email chưa đúng (ví dụ: ten@gmail.com).")},
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Cần sự đồng ý của quý phụ huynh để gửi tin.")},
    )
    field_order = ["email", "wants_announcements", "audience", "wants_news", "frequency", "consent"]
