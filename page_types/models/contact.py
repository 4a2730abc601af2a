"""Liên hệ: the school's contact details and a feedback form whose submissions the school
reads in the admin (Wagtail forms)."""

from django import forms
from django.core.cache import cache
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.contrib.forms.models import AbstractFormField, EmailFormMixin, FormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

from ..blocks import RICH_FEATURES
from .base import MandatedSlugMixin, PortalPage

HONEYPOT = "website"
# A single address may send this many messages per hour; more is almost certainly spam.
SUBMISSIONS_PER_HOUR = 5


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactPageForm(MandatedSlugMixin, WagtailAdminFormPageForm):
    pass


class ContactPage(EmailFormMixin, FormMixin, PortalPage):
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=64, blank=True)
    email = models.EmailField(_("email"), blank=True)
    map_url = models.URLField(_("liên kết bản đồ"), blank=True)
    office_hours = models.CharField(
        _("giờ làm việc"), max_length=255, blank=True, default="Thứ Hai – Thứ Sáu: 7:00 – 16:30"
    )
    intro = RichTextField(_("lời giới thiệu"), blank=True, features=RICH_FEATURES)
    thank_you_text = RichTextField(_("lời cảm ơn sau khi gửi"), blank=True)

    base_form_class = ContactPageForm
    content_panels = PortalPage.content_panels + [
        FormSubmissionsPanel(),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("map_url"),
                FieldPanel("office_hours"),
            ],
            heading=_("Thông tin liên hệ"),
        ),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Các ô của biểu mẫu góp ý")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldPanel("to_address"),
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("subject")]),
            ],
            heading=_("Gửi thư báo khi có góp ý"),
        ),
    ]
    parent_page_types = ["page_types.SchoolHomePage", "page_types.OfficeHomePage"]
    subpage_types = []
    template = "page_types/contact_page.html"
    landing_page_template = "page_types/contact_page_landing.html"

    class Meta:
        verbose_name = _("trang liên hệ")
        verbose_name_plural = _("trang liên hệ")

    def get_form_class(self):
        form_class = super().get_form_class()
        # A hidden field people leave empty and bots fill in.
        form_class.base_fields[HONEYPOT] = forms.CharField(
            required=False,
            label=_("Để trống ô này"),
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )
        return form_class

    def process_form_submission(self, form):
        form.cleaned_data.pop(HONEYPOT, None)
        return super().process_form_submission(form)

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            if request.POST.get(HONEYPOT):
                return self.render_landing_page(request, None, *args, **kwargs)
            key = f"portal:contact:{self.pk}:{request.META.get('REMOTE_ADDR', '')}"
            sent = cache.get(key, 0)
            if sent >= SUBMISSIONS_PER_HOUR:
                context = self.get_context(request)
                context["form"] = self.get_form(request.POST, page=self, user=request.user)
                context["throttled"] = True
                return TemplateResponse(request, self.get_template(request), context, status=429)
            response = super().serve(request, *args, **kwargs)
            if response.status_code == 200 and getattr(response, "template_name", None) == (
                self.get_landing_page_template(request)
            ):
                cache.set(key, sent + 1, 3600)
            return response
        return super().serve(request, *args, **kwargs)


DEFAULT_FORM_FIELDS = [
    {"label": "Họ và tên", "field_type": "singleline", "required": True},
    {
        "label": "Điện thoại hoặc email",
        "field_type": "singleline",
        "required": True,
        "help_text": "Để nhà trường liên hệ lại",
    },
    {
        "label": "Chủ đề",
        "field_type": "dropdown",
        "required": True,
        "choices": "Hỏi đáp\nGóp ý\nTuyển sinh\nKhác",
    },
    {"label": "Nội dung", "field_type": "multiline", "required": True},
]
