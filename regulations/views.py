"""Admin views of the regulations app that are not model listings."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page

from tenants.models import School

from .retention import grant, is_office_admin, record_override, refusal_message, retained_pages

ACTIONS = {"delete": "wagtailadmin_pages:delete", "unpublish": "wagtailadmin_pages:unpublish"}


class OverrideForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Lý do gỡ trước thời hạn lưu giữ"),
        widget=forms.Textarea(attrs={"rows": 4}),
        min_length=10,
        max_length=2000,
        error_messages={
            "required": gettext_lazy(
                "Phải ghi lý do (ví dụ: số văn bản cho phép, sai sót cần sửa)."
            ),
            "min_length": gettext_lazy("Lý do quá ngắn: ghi rõ căn cứ, ít nhất 10 ký tự."),
        },
    )


def retention_override(request, page_id, action):
    """An office admin confirms, with a reason, removing a disclosure inside its retention."""
    if action not in ACTIONS:
        raise Http404
    page = get_object_or_404(Page, pk=page_id).specific
    school = School.for_page(page)
    if not is_office_admin(request.user, school):
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request) or reverse(ACTIONS[action], args=[page.pk])
    retained = retained_pages([page])
    if not retained:
        return redirect(next_url)
    form = OverrideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        record_override(page, action, form.cleaned_data["reason"], request.user)
        grant(request, action, page.pk)
        messages.warning(
            request,
            _("Đã ghi nhận quyết định gỡ “%(title)s” trước thời hạn lưu giữ.")
            % {"title": page.title},
        )
        return redirect(next_url)
    return TemplateResponse(
        request,
        "regulations/admin/retention_override.html",
        {
            "page": page,
            "school": school,
            "action": action,
            "form": form,
            "next_url": next_url,
            "refusal": refusal_message(retained, action),
            "retained": retained,
        },
    )
