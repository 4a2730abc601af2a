"""Inspections: findings frozen from the audit at a date, notes, corrective requests the school
answers, and follow-up checks that re-run the audit and record what was resolved."""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tenants.date_input import DayMonthYearInput
from tenants.models import School

from . import access, engine, notifications, rubric_choice, scoring
from .models import CorrectiveRequest, FollowUp, InspectedSchool, Inspection
from .report import school_entry
from .views import AuditView, parse_date

# --- snapshots ------------------------------------------------------------------------------


def _json_date(value):
    return value.isoformat() if isinstance(value, datetime.date) else value


def snapshot_of(row, run):
    """The findings of one school as a plain JSON document (dates as ISO strings)."""
    entry = school_entry(row)
    entry["points"] = dict(row["points"])
    entry["structure"] = dict(row["structure"])
    entry["authority_name"] = row["authority_name"]
    entry["flags"] = [
        {
            "kind": f["kind"],
            "label": f["label"],
            "url": f["url"],
            "published_at": f["published_at"],
            "title": f["title"],
            "reason": f["reason"],
        }
        for f in row["flags"]
    ]
    entry["sections"] = [{k: _json_date(v) for k, v in s.items()} for s in row["sections"]]
    entry["weights"] = dict(row["weights"])
    entry["flagged_posts"] = row["flagged_posts"]
    if "credited" in row:  # rubric rules 2: the figures the score counted
        entry["credited"] = {k: _json_date(v) for k, v in row["credited"].items()}
    entry["as_of"] = run.as_of.isoformat()
    entry["school_year"] = run.school_year
    rubric = rubric_choice.rubric_of_row(row, run)  # the school's own office's, if it has one
    entry["rubric"] = {"code": rubric.code, "version": rubric.version}
    entry["findings"] = findings(entry, rubric)
    return entry


def findings(entry, rubric):
    """What the school must fix, as stable keys with a Vietnamese description."""
    out = []
    for s in entry["sections"]:
        if s["required"] and s["status"] != "fresh":
            label = {
                "missing": _("Thiếu mục “%(title)s”"),
                "empty": _("Mục “%(title)s” chưa có nội dung"),
                "stale": _("Mục “%(title)s” chậm cập nhật"),
            }[s["status"]] % {"title": s["title"]}
            out.append({"key": f"section:{s['slug']}", "text": label})
    for code in entry["disclosure"]["missing"]:
        out.append(
            {"key": f"disclosure:{code}", "text": _("Chưa công khai mục %(code)s") % {"code": code}}
        )
    # Rules 2 score credited posts only (for-show ones left out): so do the findings.
    credited = entry.get("credited") or {
        "school_year": entry["posts"]["school_year"],
        "active_weeks_12": entry["active_weeks_12"],
        "days_since_update": entry["days_since_update"],
    }
    if credited["school_year"] < entry["posts"]["target"]:
        out.append(
            {
                "key": "volume",
                "text": _("Số bài (%(posts)s) dưới chỉ tiêu đến nay (%(target)s)")
                % {"posts": credited["school_year"], "target": entry["posts"]["target"]},
            }
        )
    if credited["active_weeks_12"] < rubric.regularity_full_weeks:
        out.append(
            {
                "key": "regularity",
                "text": _("Chỉ %(n)s tuần học gần nhất có bài")
                % {"n": credited["active_weeks_12"]},
            }
        )
    days = credited["days_since_update"]
    if days is None or days > rubric.recency_full_days:
        out.append(
            {
                "key": "recency",
                "text": _("Chưa cập nhật lần nào")
                if days is None
                else _("%(days)s ngày chưa cập nhật") % {"days": days},
            }
        )
    return out


def audit_rows(schools, as_of):
    return engine.run_audit(School.objects.filter(pk__in=[s.pk for s in schools]), as_of)


@transaction.atomic
def open_inspection(title, authority, schools, as_of, user, notes=""):
    """Create the inspection with each school's findings frozen as they are at `as_of`."""
    run = audit_rows(schools, as_of)
    if not run.rows:
        raise ValidationError(_("Không có trường nào đang hoạt động để kiểm tra."))
    inspection = Inspection.objects.create(
        title=title,
        authority=authority,
        as_of=as_of,
        rubric=run.rubric,
        notes=notes,
        opened_by=user,
    )
    for row in run.rows:
        InspectedSchool.objects.create(
            inspection=inspection, school_id=row["school_id"], snapshot=snapshot_of(row, run)
        )
    return inspection


@transaction.atomic
def follow_up(inspected, as_of, user):
    """Re-run the audit for the school and record which findings are resolved."""
    run = audit_rows([inspected.school], as_of)
    current = snapshot_of(run.rows[0], run)
    now_keys = {f["key"] for f in current["findings"]}
    resolved, remaining = [], []
    for finding in inspected.snapshot["findings"]:
        (remaining if finding["key"] in now_keys else resolved).append(finding)
    return FollowUp.objects.create(
        inspected=inspected,
        as_of=as_of,
        snapshot=current,
        resolved=resolved,
        remaining=remaining,
        performed_by=user,
    )


# --- forms ----------------------------------------------------------------------------------


class InspectionForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Tên đợt kiểm tra"), max_length=255)
    school = forms.ModelChoiceField(
        label=gettext_lazy("Một trường"),
        queryset=School.objects.none(),
        required=False,
        help_text=gettext_lazy("Chọn một trường, hoặc để trống và chọn đơn vị quản lý."),
    )
    authority = forms.ModelChoiceField(
        label=gettext_lazy("Hoặc mọi trường của đơn vị"),
        queryset=None,
        required=False,
    )
    as_of = forms.DateField(label=gettext_lazy("Số liệu tính đến ngày"), widget=DayMonthYearInput())
    notes = forms.CharField(label=gettext_lazy("Ghi chú"), widget=forms.Textarea, required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["school"].queryset = (
            access.office_schools(user).filter(is_active=True).order_by("level", "name")
        )
        self.fields["authority"].queryset = access.visible_authorities(user).order_by("path")

    def clean(self):
        data = super().clean()
        school, authority = data.get("school"), data.get("authority")
        if bool(school) == bool(authority):
            raise ValidationError(
                {"school": _("Chọn đúng một: một trường, hoặc một đơn vị quản lý.")}
            )
        if (
            authority is not None
            and not authority.schools_in_subtree().filter(is_active=True).exists()
        ):
            raise ValidationError({"authority": _("Đơn vị này chưa có trường nào.")})
        return data


class RequestForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Yêu cầu khắc phục"), widget=forms.Textarea)
    due_date = forms.DateField(label=gettext_lazy("Hạn hoàn thành"), widget=DayMonthYearInput())


class NotesForm(forms.Form):
    notes = forms.CharField(
        label=gettext_lazy("Nhận xét của đoàn kiểm tra"), widget=forms.Textarea, required=False
    )


class FollowUpForm(forms.Form):
    as_of = forms.DateField(
        label=gettext_lazy("Kiểm tra lại tính đến ngày"), widget=DayMonthYearInput()
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(label=gettext_lazy("Trả lời của trường"), widget=forms.Textarea)


# --- views ----------------------------------------------------------------------------------


def visible_inspections(user):
    if user.is_superuser:
        return Inspection.objects.all()
    return Inspection.objects.filter(authority__in=access.visible_authorities(user))


class OfficeOnly:
    def check_access(self, request, **kwargs):
        if not access.can_inspect(request.user):
            raise PermissionDenied
        return None


class InspectionBase(AuditView):
    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [
            {"url": reverse("audit_inspections:index"), "label": _("Đợt kiểm tra")}
        ]


class IndexView(OfficeOnly, InspectionBase):
    template_name = "audit/inspections/index.html"
    page_title = gettext_lazy("Các đợt kiểm tra")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["inspections"] = (
            visible_inspections(self.request.user)
            .select_related("authority", "rubric", "opened_by")
            .prefetch_related("schools__school")
        )
        return context


class CreateView(OfficeOnly, InspectionBase):
    template_name = "audit/inspections/form.html"
    page_title = gettext_lazy("Mở đợt kiểm tra")

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [{"url": "", "label": self.page_title}]

    def get_form(self):
        if self.request.method == "POST":
            return InspectionForm(self.request.POST, user=self.request.user)
        initial = {"as_of": parse_date(self.request.GET.get("as_of", "")) or timezone.localdate()}
        school = self.request.GET.get("school", "")
        if school.isdigit():
            initial["school"] = access.office_schools(self.request.user).filter(pk=school).first()
            if initial["school"]:
                initial["title"] = _("Kiểm tra %(name)s") % {"name": initial["school"].name}
        return InspectionForm(initial=initial, user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = kwargs.get("form") or self.get_form()
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data
        if data["school"]:
            schools = [data["school"]]
            authority = data["school"].authority
        else:
            authority = data["authority"]
            schools = list(authority.schools_in_subtree().filter(is_active=True))
        try:
            inspection = open_inspection(
                data["title"], authority, schools, data["as_of"], request.user, data["notes"]
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, _("Đã mở đợt kiểm tra; kết quả đã được chốt."))
        return redirect("audit_inspections:detail", pk=inspection.pk)


class DetailView(InspectionBase):
    template_name = "audit/inspections/detail.html"

    def check_access(self, request, **kwargs):
        if not access.can_inspect(request.user):
            raise PermissionDenied
        self.inspection = get_object_or_404(visible_inspections(request.user), pk=kwargs["pk"])
        return None

    def get_page_title(self):
        return self.inspection.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        schools = self.inspection.schools.select_related("school").prefetch_related("requests")
        context.update({"inspection": self.inspection, "inspected": schools})
        return context


def inspected_for_office(user, pk):
    inspected = get_object_or_404(
        InspectedSchool.objects.select_related("inspection", "school"), pk=pk
    )
    if not visible_inspections(user).filter(pk=inspected.inspection_id).exists():
        raise Http404
    if not access.office_schools(user).filter(pk=inspected.school_id).exists():
        raise Http404
    return inspected


class InspectedSchoolView(InspectionBase):
    """One school's frozen findings; notes, corrective requests and follow-ups are added here."""

    template_name = "audit/inspections/school.html"

    def check_access(self, request, **kwargs):
        if not access.can_inspect(request.user):
            raise PermissionDenied
        self.inspected = inspected_for_office(request.user, kwargs["pk"])
        return None

    def get_page_title(self):
        return f"{self.inspected.inspection.title} – {self.inspected.school.name}"

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [
            {
                "url": reverse(
                    "audit_inspections:detail", kwargs={"pk": self.inspected.inspection_id}
                ),
                "label": self.inspected.inspection.title,
            },
            {"url": "", "label": self.inspected.school.name},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        snapshot = self.inspected.snapshot
        context.update(
            {
                "inspected": self.inspected,
                "snapshot": snapshot,
                "criteria": [
                    (scoring.CRITERION_LABELS[name], snapshot["points"][name])
                    for name, _field in scoring.CRITERIA
                ],
                "requests": self.inspected.requests.select_related("answered_by"),
                "follow_ups": self.inspected.follow_ups.select_related("performed_by"),
                "request_form": kwargs.get("request_form") or RequestForm(),
                "notes_form": kwargs.get("notes_form")
                or NotesForm(initial={"notes": self.inspected.notes}),
                "follow_up_form": kwargs.get("follow_up_form")
                or FollowUpForm(initial={"as_of": timezone.localdate()}),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        inspected = self.inspected
        if action == "notes":
            form = NotesForm(request.POST)
            if form.is_valid():
                inspected.notes = form.cleaned_data["notes"]
                inspected.save(update_fields=["notes"])
                messages.success(request, _("Đã lưu nhận xét."))
                return redirect(request.path)
            return self.render_to_response(self.get_context_data(notes_form=form))
        if action == "request":
            form = RequestForm(request.POST)
            if form.is_valid():
                item = CorrectiveRequest.objects.create(
                    inspected=inspected, created_by=request.user, **form.cleaned_data
                )
                notifications.request_sent(item)
                messages.success(request, _("Đã gửi yêu cầu khắc phục cho trường."))
                return redirect(request.path)
            return self.render_to_response(self.get_context_data(request_form=form))
        if action == "follow_up":
            form = FollowUpForm(request.POST)
            if form.is_valid():
                done = follow_up(inspected, form.cleaned_data["as_of"], request.user)
                messages.success(
                    request,
                    _("Đã kiểm tra lại: %(resolved)s nội dung đã khắc phục, %(left)s còn tồn tại.")
                    % {"resolved": len(done.resolved), "left": len(done.remaining)},
                )
                return redirect(request.path)
            return self.render_to_response(self.get_context_data(follow_up_form=form))
        if action == "resolve":
            ids = [int(v) for v in request.POST.getlist("request") if v.isdigit()]
            count = (
                inspected.requests.filter(pk__in=ids)
                .exclude(status=CorrectiveRequest.Status.RESOLVED)
                .update(status=CorrectiveRequest.Status.RESOLVED, resolved_at=timezone.now())
            )
            messages.success(request, _("Đã ghi nhận %(n)s yêu cầu đã khắc phục.") % {"n": count})
            return redirect(request.path)
        raise PermissionDenied


def requests_for_member(user):
    return CorrectiveRequest.objects.filter(
        inspected__school__in=access.member_schools(user)
    ).select_related("inspected__school", "inspected__inspection")


class MyRequestsView(AuditView):
    """A school's corrective requests (its editors and approvers see and answer them)."""

    template_name = "audit/inspections/my_requests.html"
    page_title = gettext_lazy("Yêu cầu khắc phục của trường")

    def check_access(self, request, **kwargs):
        if not access.member_schools(request.user).exists():
            raise PermissionDenied
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["requests"] = requests_for_member(self.request.user)
        return context


class AnswerView(AuditView):
    template_name = "audit/inspections/answer.html"
    page_title = gettext_lazy("Trả lời yêu cầu khắc phục")

    def check_access(self, request, **kwargs):
        self.item = requests_for_member(request.user).filter(pk=kwargs["pk"]).first()
        if self.item is None:
            raise PermissionDenied
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["item"] = self.item
        context["form"] = kwargs.get("form") or AnswerForm(initial={"answer": self.item.answer})
        return context

    def post(self, request, *args, **kwargs):
        form = AnswerForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        if self.item.status == CorrectiveRequest.Status.RESOLVED:
            messages.error(request, _("Yêu cầu này đã được ghi nhận khắc phục."))
            return redirect("audit_inspections:my_requests")
        self.item.answer = form.cleaned_data["answer"]
        self.item.status = CorrectiveRequest.Status.ANSWERED
        self.item.answered_at = timezone.now()
        self.item.answered_by = request.user
        self.item.save(update_fields=["answer", "status", "answered_at", "answered_by"])
        notifications.request_answered(self.item)
        messages.success(request, _("Đã gửi trả lời cho đoàn kiểm tra."))
        return redirect("audit_inspections:my_requests")
