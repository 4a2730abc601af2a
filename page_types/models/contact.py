"""Liên hệ: the school's contact details and a feedback form whose submissions the school
reads in the admin (Wagtail forms)."""

from django import forms
from django.db import models
from django.http import HttpResponseRedirect
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
# The thank-you page after a message was sent (the redirect of Post/Redirect/Get).
SENT_PARAM = "da-gui"


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
        from ..contact_form import add_checks

        form_class = add_checks(super().get_form_class(), self.get_form_fields())
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
        """Post/Redirect/Get: a sent message redirects to ?da-gui=1, so a refresh never
        posts it again; the throttle is counted only for messages that pass the checks."""
        from ..client_ip import client_ip
        from ..contact_form import allow_submission

        if request.method != "POST":
            if request.GET.get(SENT_PARAM) == "1":
                return self.render_landing_page(request, None, *args, **kwargs)
            return super().serve(request, *args, **kwargs)
        thanks = HttpResponseRedirect(f"{request.path}?{SENT_PARAM}=1")
        if request.POST.get(HONEYPOT):
            return thanks
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        status = 200
        if form.is_valid():
            sender = " ".join(
                str(form.cleaned_data.get(f.clean_name, ""))
                for f in self.get_form_fields()
                if f.field_type in ("singleline", "email")
            )
            if allow_submission(self.pk, client_ip(request), sender):
                self.process_form_submission(form)
                return thanks
            status = 429
        context = self.get_context(request)
        context["form"] = form
        context["throttled"] = status == 429
        return TemplateResponse(request, self.get_template(request), context, status=status)


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
