"""Importing schools from the admin (/admin/schools-import/): the same reading and checks as
`import_schools` (tenants/importing.py, called, never copied), a preview of what would be
created or updated, and nothing written until the office admin confirms; the confirmed import
runs as a background task whose progress its status page shows. An admin imports only
into the offices of their own subtree and never touches another office's school."""

import base64

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.tasks import enqueue_after_commit

from . import admin_refusal
from .import_admin_tasks import run_school_import
from .import_checks import admin_authorities, checked_rows, own_authority
from .importing import ImportFileError
from .models import School, SchoolImport

SESSION_KEY = "portal_school_import"
MAX_BYTES = 5 * 1024 * 1024


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Tệp danh sách trường (.csv hoặc .xlsx)"),
        help_text=gettext_lazy(
            "Dòng tiêu đề: code,name,level,authority,slug,address,phone,email,principal."
        ),
    )


class ImportView(admin_refusal.Forbidden403Mixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "tenants/school_import.html"
    page_title = gettext_lazy("Nhập danh sách trường")
    header_icon = "upload"
    forbidden_message = gettext_lazy("Chỉ quản trị của Phòng/Sở được nhập danh sách trường.")

    def check_access(self, request, **kwargs):
        if not admin_authorities(request.user).exists():
            raise PermissionDenied
        return None

    def post(self, request, *args, **kwargs):
        if "confirm" in request.POST:
            return self.confirm(request)
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        upload = form.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            form.add_error("file", _("Tệp quá lớn (tối đa 5 MB)."))
            return self.render_to_response(self.get_context_data(form=form))
        content = upload.read()
        try:
            rows = checked_rows(upload.name, content, request.user)
        except ImportFileError as error:
            request.session.pop(SESSION_KEY, None)
            return self.render_to_response(
                self.get_context_data(form=UploadForm(), errors=[str(e) for e in error.errors])
            )
        request.session[SESSION_KEY] = {
            "name": upload.name,
            "content": base64.b64encode(content).decode("ascii"),
        }
        codes = set(
            School.objects.filter(code__in=[d.code for _l, d in rows]).values_list(
                "code", flat=True
            )
        )
        preview = [(line, data, data.code in codes) for line, data in rows]
        return self.render_to_response(
            self.get_context_data(
                preview=preview,
                new_count=sum(1 for *_x, exists in preview if not exists),
                update_count=sum(1 for *_x, exists in preview if exists),
                file_name=upload.name,
            )
        )

    def confirm(self, request):
        stored = request.session.pop(SESSION_KEY, None)
        if not stored:
            messages.error(request, _("Hãy chọn lại tệp: phiên xem trước đã hết."))
            return redirect("tenants_import:index")
        content = base64.b64decode(stored["content"])
        try:
            # Checked again: the database may have changed since the preview.
            rows = checked_rows(stored["name"], content, request.user)
        except ImportFileError as error:
            return self.render_to_response(
                self.get_context_data(form=UploadForm(), errors=[str(e) for e in error.errors])
            )
        # Provisioning a province takes minutes: a background task runs it in its batches and
        # the status page shows how far it got.
        job = SchoolImport.objects.create(
            authority=own_authority(request.user, rows),
            created_by=request.user,
            file_name=stored["name"],
            content=content,
            total=len(rows),
        )
        enqueue_after_commit(run_school_import, job.pk)
        return redirect("tenants_import:status", pk=job.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", UploadForm())
        return context


class StatusView(admin_refusal.Forbidden403Mixin, WagtailAdminTemplateMixin, TemplateView):
    """How far a confirmed import got: a progress bar, refreshed every few seconds until it is
    done (then the summary) or failed (then its errors)."""

    template_name = "tenants/school_import_status.html"
    page_title = gettext_lazy("Nhập danh sách trường")
    header_icon = "upload"
    forbidden_message = ImportView.forbidden_message
    refresh_seconds = 2

    def check_access(self, request, pk, **kwargs):
        self.job = SchoolImport.objects.filter(
            pk=pk, authority__in=admin_authorities(request.user)
        ).first()
        if self.job is None:
            raise PermissionDenied
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(job=self.job, refresh_seconds=self.refresh_seconds)
        return context


@hooks.register("register_admin_urls")
def register_import_urls():
    from django.urls import include

    patterns = [
        path("", ImportView.as_view(), name="index"),
        path("<int:pk>/", StatusView.as_view(), name="status"),
    ]
    return [
        path("schools-import/", include((patterns, "tenants_import"), namespace="tenants_import"))
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_authorities(request.user).exists()


@hooks.register("register_settings_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Nhập danh sách trường"), "/admin/schools-import/", icon_name="upload", order=610
    )


def import_url():
    return reverse("tenants_import:index")
