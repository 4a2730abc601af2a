"""The directives in the admin (/admin/directives/): the office's list, form and status table
with its exports; a school's own directive, with its one-click start and acknowledgement."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from tenants import admin_refusal
from tenants.clock import TZ
from tenants.models import Authority, Level, Membership

from . import services, table
from .forms import DirectiveForm
from .models import Action, Target
from .status import Status
from .visibility import (
    is_office_user,
    issuing_authorities,
    member_school_ids,
    visible_directives,
    visible_targets,
)

ACKNOWLEDGERS = (Membership.Role.APPROVER,)


def _day(raw):
    """A day as the form writes it (dd/mm/yyyy, the picker's format) or as links do (ISO)."""
    raw = (raw or "").strip()
    try:
        return datetime.datetime.strptime(raw, "%d/%m/%Y").date()
    except ValueError:
        try:
            return parse_date(raw)
        except ValueError:
            return None


def as_of_moment(request):
    """The moment the table is computed at: the end of the ?as_of= day (local), else now."""
    day = _day(request.GET.get("as_of"))
    if day is None:
        return timezone.now(), None
    return datetime.datetime.combine(day, datetime.time.max, tzinfo=TZ), day


class DirectiveView(admin_refusal.Forbidden403Mixin, WagtailAdminTemplateMixin, TemplateView):
    header_icon = "mail"
    forbidden_message = gettext_lazy(
        "Bạn không có quyền xem chỉ đạo này. Mỗi trường chỉ xem được chỉ đạo gửi cho trường mình."
    )

    def get_breadcrumbs_items(self):
        items = [
            {"url": reverse("wagtailadmin_home"), "label": _("Trang quản trị")},
            {"url": reverse("mandates:index"), "label": _("Chỉ đạo")},
        ]
        if not isinstance(self, IndexView):
            # The slim header shows the last crumb: this screen's own title.
            items.append({"url": "", "label": self.get_page_title()})
        return items


class IndexView(DirectiveView):
    template_name = "mandates/index.html"
    page_title = gettext_lazy("Chỉ đạo của Phòng/Sở")

    def check_access(self, request, **kwargs):
        if not request.user.is_authenticated:
            raise PermissionDenied
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        office = is_office_user(user)
        directives = list(visible_directives(user).select_related("authority"))
        now = timezone.now()
        summaries = []
        for directive in directives:
            rows = table.status_rows(
                directive, visible_targets(user).filter(directive=directive), now
            )
            summaries.append((directive, table.counts(rows), rows if not office else None))
        context.update(
            summaries=summaries,
            office=office,
            can_issue=issuing_authorities(user).exists(),
        )
        return context


class CreateView(DirectiveView):
    template_name = "mandates/form.html"
    page_title = gettext_lazy("Gửi chỉ đạo mới")

    def check_access(self, request, **kwargs):
        if not issuing_authorities(request.user).exists():
            raise PermissionDenied
        return None

    def get_form(self):
        authorities = issuing_authorities(self.request.user)
        if self.request.method == "POST":
            return DirectiveForm(self.request.POST, authorities=authorities)
        return DirectiveForm(authorities=authorities)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = kwargs.get("form") or self.get_form()
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        directive = form.save(commit=False)
        directive.created_by = request.user
        directive.issued_at = timezone.now()
        count = services.issue(directive, form.cleaned_data.get("schools"))
        messages.success(request, _("Đã gửi chỉ đạo đến %(count)s trường.") % {"count": count})
        if form.cleaned_data.get("publish_on_site"):
            if services.publish_on_office_site(directive, request.user):
                messages.success(request, _("Đã đăng chỉ đạo lên trang của đơn vị."))
            else:
                messages.warning(
                    request,
                    _(
                        "Chưa đăng được lên trang của đơn vị (đơn vị chưa có trang riêng "
                        "hoặc bạn không có quyền xuất bản ở đó)."
                    ),
                )
        return redirect("mandates:detail", pk=directive.pk)


class DetailView(DirectiveView):
    """The office: the status table of its schools. A school: the directive and its own row."""

    template_name = "mandates/detail.html"

    def check_access(self, request, pk, **kwargs):
        self.directive = visible_directives(request.user).filter(pk=pk).first()
        if self.directive is None:
            raise PermissionDenied
        self.page_title = self.directive.title
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        directive = self.directive
        moment, day = as_of_moment(self.request)
        office = is_office_user(user)
        own = Target.objects.filter(
            directive=directive, school_id__in=member_school_ids(user)
        ).select_related("school")
        if not office:
            for target in own:
                services.mark_seen(target)
        rows = table.status_rows(
            directive, visible_targets(user).filter(directive=directive), moment
        )
        status = self.request.GET.get("status", "")
        level = self.request.GET.get("level", "")
        authority = self.request.GET.get("authority", "")
        shown = table.filter_rows(rows, status, level, authority)
        can_ack = set(member_school_ids(user, ACKNOWLEDGERS))
        context.update(
            directive=directive,
            office=office,
            rows=shown,
            counts=table.counts(rows),
            statuses=Status.choices,
            levels=Level.choices,
            authorities=Authority.objects.filter(pk__in={r.school.authority_id for r in rows}),
            current={"status": status, "level": level, "authority": authority},
            as_of=day,
            own_rows=[r for r in rows if r.target.school_id in set(member_school_ids(user))],
            can_ack=can_ack,
            acknowledge=directive.action == Action.ACKNOWLEDGE,
            query=self.request.GET.urlencode(),
        )
        return context


class ExportView(admin_refusal.Forbidden403Mixin, View):
    def check_access(self, request, pk, **kwargs):
        self.directive = visible_directives(request.user).filter(pk=pk).first()
        if self.directive is None:
            raise PermissionDenied
        return None

    def get(self, request, pk, fmt):
        moment, _day = as_of_moment(request)
        rows = table.status_rows(
            self.directive, visible_targets(request.user).filter(directive=self.directive), moment
        )
        rows = table.filter_rows(
            rows,
            request.GET.get("status", ""),
            request.GET.get("level", ""),
            request.GET.get("authority", ""),
        )
        stem = f"chi-dao-{self.directive.pk}"
        if fmt == "csv":
            response = HttpResponse(table.as_csv(rows), content_type="text/csv; charset=utf-8")
        elif fmt == "xlsx":
            response = HttpResponse(
                table.as_xlsx(rows, self.directive.title),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        else:
            raise Http404
        response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
        return response


class SchoolActionView(admin_refusal.Forbidden403Mixin, View):
    """POST only: a member of the target school starts its answer or acknowledges."""

    roles = None

    def check_access(self, request, pk, **kwargs):
        self.target = get_object_or_404(
            Target.objects.select_related("directive", "school"),
            pk=pk,
            school_id__in=member_school_ids(request.user, self.roles),
        )
        return None

    def get(self, request, pk):
        return redirect("mandates:detail", pk=self.target.directive_id)


class StartView(SchoolActionView):
    def post(self, request, pk):
        try:
            return redirect(services.start(self.target, request.user))
        except services.NothingToStart as refusal:
            messages.error(request, str(refusal))
            return redirect("mandates:detail", pk=self.target.directive_id)


class AcknowledgeView(SchoolActionView):
    roles = ACKNOWLEDGERS

    def post(self, request, pk):
        services.acknowledge(self.target, request.user)
        messages.success(request, _("Nhà trường đã xác nhận chỉ đạo."))
        return redirect("mandates:detail", pk=self.target.directive_id)
