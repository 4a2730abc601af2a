"""The office's dashboard, a school's drill-down, the printable report and the exports."""

import datetime
import hashlib

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from mandates.summaries import school_directives
from tenants.models import Level

from . import access, activity, charts, engine, rubric_choice, scoring, stamps, table
from .models import BANDS
from .report import report_csv, report_json, report_xlsx

PER_PAGE = 50
RUN_CACHE_SECONDS = 300
SORTS = {
    "score": lambda r: (r["score"], r["code"]),
    "name": lambda r: (r["name"].lower(), r["code"]),
    "level": lambda r: (r["level"], r["name"].lower()),
    "authority": lambda r: (r["authority"], r["name"].lower()),
    "rank": lambda r: (r["rank_in_level"], r["code"]),
    "days": lambda r: (
        r["days_since_update"] if r["days_since_update"] is not None else 10**6,
        r["code"],
    ),
    "posts": lambda r: (r["posts"]["school_year"], r["code"]),
    "weeks": lambda r: (r["active_weeks_12"], r["code"]),
    "disclosure": lambda r: (r["disclosure"]["published"] - r["disclosure"]["required"], r["code"]),
    "flags": lambda r: (r["flag_count"], r["code"]),
}


def parse_date(value):
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None


def resolve_as_of(request, schools):
    """(as_of, note, error) from ?as_of=, else today or the end of the last active school year."""
    raw = request.GET.get("as_of", "").strip()
    if raw:
        day = parse_date(raw)
        if day is not None:
            return day, "", ""
        error = _("Ngày tính số liệu “%(value)s” không hợp lệ; dùng dạng dd/mm/yyyy.") % {
            "value": raw
        }
    else:
        error = ""
    day, moved = activity.default_as_of(schools)
    note = ""
    if moved:
        note = _(
            "Năm học hiện tại chưa có hoạt động nào; số liệu được tính đến %(day)s, ngày cuối "
            "của năm học gần nhất có hoạt động. Chọn ngày khác ở ô “Tính đến ngày”."
        ) % {"day": day.strftime("%d/%m/%Y")}
    return day, note, error


def cached_run(schools, as_of, scope_key):
    """The full audit of a few schools (a drill-down's peers), kept in the cache until the ledger
    changes anywhere, so a school sees its own publication at once."""
    # Peers share an authority: one rubric, their office's nearest.
    rubric = rubric_choice.rubric_for_authority(
        schools.values_list("authority_id", flat=True).first()
    )
    key = (
        "audit:run:"
        + hashlib.sha1(
            f"{scope_key}|{as_of}|{rubric.pk}|{stamps.generation()}".encode()
        ).hexdigest()
    )
    run = cache.get(key)
    if run is None:
        run = engine.run_audit(schools, as_of, rubric)
        run.computed_at = timezone.now()
        for row in run.rows:
            row.pop("school", None)  # model instances do not belong in a shared cache
            row["flag_count"] = len(row["flags"])
        cache.set(key, run, RUN_CACHE_SECONDS)
    return run


class AuditView(access.Forbidden403Mixin, WagtailAdminTemplateMixin, TemplateView):
    header_icon = "tasks"

    def get_breadcrumbs_items(self):
        items = [{"url": reverse("wagtailadmin_home"), "label": _("Trang quản trị")}]
        if access.is_office_user(self.request.user):
            items.append({"url": reverse("audit:dashboard"), "label": _("Theo dõi cập nhật")})
        return items


class DashboardView(AuditView):
    template_name = "audit/dashboard.html"
    page_title = gettext_lazy("Theo dõi cập nhật")

    def check_access(self, request, **kwargs):
        if not access.is_office_user(request.user):
            own = list(access.member_schools(request.user)[:2])
            if len(own) == 1:
                return redirect("audit:school", school_id=own[0].pk)
            raise PermissionDenied
        return None

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items()[:1] + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        schools = access.office_schools(request.user)
        as_of, note, error = resolve_as_of(request, schools)
        run = table.table_run(
            schools, as_of, refresh=bool(request.GET.get("refresh")), with_report=False
        )
        authorities = list(
            access.visible_authorities(request.user)
            .filter(schools__is_active=True)
            .distinct()
            .order_by("path")
        )
        filters = {
            "level": request.GET.get("level", ""),
            "authority": request.GET.get("authority", ""),
            "band": request.GET.get("band", ""),
            "q": request.GET.get("q", "").strip(),
        }
        rows = run.rows
        if filters["level"] in Level.values:
            rows = [r for r in rows if r["level"] == filters["level"]]
        if filters["authority"]:
            rows = [r for r in rows if r["authority"] == filters["authority"]]
        if filters["band"] in BANDS:
            rows = [r for r in rows if r["band"] == filters["band"]]
        if filters["q"]:
            needle = filters["q"].lower()
            rows = [r for r in rows if needle in r["name"].lower() or needle in r["code"].lower()]
        sort = request.GET.get("sort", "-score")
        field = sort.lstrip("-")
        if field not in SORTS:
            sort, field = "-score", "score"
        rows = sorted(rows, key=SORTS[field], reverse=sort.startswith("-"))
        page = Paginator(rows, PER_PAGE).get_page(request.GET.get("p"))
        self._add_sparklines(page.object_list, run)
        query = request.GET.copy()
        query["as_of"] = as_of.isoformat()
        for name in ("p", "sort", "refresh"):
            query.pop(name, None)
        context.update(
            {
                "run": run,
                "as_of": as_of,
                "as_of_note": note,
                "as_of_error": error,
                "tiles": activity.summary(rows),
                "page_obj": page,
                "rows": page.object_list,
                "filters": filters,
                "levels": Level.choices,
                "authorities": authorities,
                "bands": BANDS,
                "sort": sort,
                "base_query": query.urlencode(),
                "export_query": query.urlencode(),
                "columns": self._columns(sort),
                "filters_keep": {k: v for k, v in {**filters, "sort": sort}.items() if v},
                "total": len(run.rows),
            }
        )
        return context

    def _columns(self, sort):
        cols = [
            ("name", _("Trường")),
            ("level", _("Cấp")),
            ("authority", _("Đơn vị")),
            ("score", _("Điểm")),
            ("rank", _("Hạng")),
            ("days", _("Cập nhật gần nhất")),
            ("posts", _("Bài năm học / chỉ tiêu")),
            ("weeks", _("Tuần có bài")),
            ("disclosure", _("Công khai")),
            ("flags", _("Dấu hiệu")),
        ]
        out = []
        for field, label in cols:
            current = sort.lstrip("-") == field
            descending = sort.startswith("-")
            next_sort = field if current and descending else f"-{field}"
            if not current and field in ("name", "level", "authority", "rank", "days"):
                next_sort = field
            out.append(
                {
                    "field": field,
                    "label": label,
                    "sort": next_sort,
                    "current": current,
                    "aria": ("descending" if descending else "ascending") if current else "none",
                }
            )
        return out

    def _add_sparklines(self, rows, run):
        if not rows:
            return
        as_of = run.as_of
        _label, windows = engine.year_windows(
            sorted({r["authority_id"] for r in rows}), as_of, run.rubric
        )
        start = min(windows[r["authority_id"]].year.start for r in rows)
        end = max(windows[r["authority_id"]].year.end for r in rows)
        counts = activity.weekly_posts([r["school_id"] for r in rows], start, min(end, as_of))
        for row in rows:
            year = windows[row["authority_id"]].year
            row["sparkline"] = charts.sparkline(
                counts.get(row["school_id"], {}),
                charts.calendar_weeks(year.start, year.end),
                set(year.weeks),
                as_of,
                row["name"],
            )


class SchoolView(AuditView):
    """Every metric of one school, its heatmap, flags with their pages, and the evidence."""

    template_name = "audit/school.html"

    def check_access(self, request, **kwargs):
        self.school = access.school_or_403(request.user, kwargs["school_id"])
        return None

    def get_page_title(self):
        return self.school.name

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [{"url": "", "label": self.school.name}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(school_context(self.request, self.school))
        context["can_inspect"] = access.can_inspect(self.request.user)
        return context


def school_context(request, school):
    from tenants.models import School

    peers = School.objects.filter(authority_id=school.authority_id, level=school.level)
    as_of, note, error = resolve_as_of(request, School.objects.filter(pk=school.pk))
    run = cached_run(peers, as_of, f"peers:{school.authority_id}:{school.level}")
    row = next((r for r in run.rows if r["school_id"] == school.pk), None)
    if row is None:
        raise PermissionDenied  # an inactive school is not audited
    window = run.windows[school.authority_id]
    year = window.year
    daily = activity.daily_posts(school.pk, year.start, min(year.end, as_of))
    rubric = run.rubric
    criteria = [
        {
            "name": name,
            "label": scoring.CRITERION_LABELS[name],
            "points": row["points"][name],  # None: not applicable
            "max": row["weights"][name],
            "basis": criterion_basis(name, row, rubric),
        }
        for name, field in scoring.CRITERIA
        # Versions before 3 have no directives criterion (weight 0): not shown.
        if name != "directives" or getattr(rubric, field)
    ]
    return {
        "school": school,
        "row": row,
        "run": run,
        "rubric": rubric,
        "as_of": as_of,
        "as_of_note": note,
        "as_of_error": error,
        "year": year,
        "peers": sum(1 for r in run.rows if r["level"] == school.level),
        "criteria": criteria,
        "penalty": row["points"]["penalty"],
        "penalty_basis": penalty_basis(row, rubric),
        "heatmap": charts.heatmap(daily, year.start, year.end, set(year.weeks), as_of, school.name),
        "evidence": activity.evidence(school, year.start, as_of),
        "sections": row["sections"],
        "directives": school_directives(school, as_of),
    }


def penalty_basis(row, rubric):
    values = {
        "n": row["flagged_posts"] if rubric.rules_version >= 2 else len(row["flags"]),
        "per": floatformat(rubric.penalty_per_flag, "-2"),
        "cap": floatformat(rubric.penalty_max, "-2"),
    }
    if rubric.rules_version >= 2:
        return _("%(n)s bài có dấu hiệu chiếu lệ × %(per)s điểm (tối đa %(cap)s)") % values
    return _("%(n)s dấu hiệu × %(per)s điểm (tối đa %(cap)s)") % values


def criterion_basis(name, row, rubric):
    if row["points"][name] is None:
        return _("Chưa có nội dung nào đến hạn; điểm của tiêu chí được chia cho các tiêu chí khác")
    if rubric.rules_version >= 2 and name in ("volume", "regularity", "recency"):
        return _credited_basis(name, row, rubric)
    d, r = row["disclosure"], row["recurring"]
    if name == "structure":
        return _("%(ok)s/%(all)s mục bắt buộc có mặt và có nội dung") % {
            "ok": row["structure"]["satisfied"],
            "all": row["structure"]["required"],
        }
    if name == "volume":
        return _("%(posts)s bài / chỉ tiêu đến nay %(target)s (cả năm %(full)s)") % {
            "posts": row["posts"]["school_year"],
            "target": number_format(row["posts"]["target"], 1),
            "full": rubric.posts_target,
        }
    if name == "regularity":
        return _("%(active)s/%(window)s tuần học gần nhất có bài (đủ điểm từ %(full)s tuần)") % {
            "active": row["active_weeks_12"],
            "window": rubric.regularity_window_weeks,
            "full": rubric.regularity_full_weeks,
        }
    if name == "recency":
        if row["days_since_update"] is None:
            return _("Chưa cập nhật lần nào")
        return _("Cập nhật gần nhất cách %(days)s ngày") % {"days": row["days_since_update"]}
    if name == "disclosure_completeness":
        return _("%(done)s/%(required)s mục đến hạn đã công khai") % {
            "done": d["published"],
            "required": d["required"],
        }
    if name == "disclosure_timeliness":
        return _("%(done)s/%(required)s mục công khai đúng hạn") % {
            "done": d["on_time"],
            "required": d["required"],
        }
    if name == "directives":
        return _("%(done)s/%(due)s chỉ đạo đến hạn được thực hiện đúng hạn") % {
            "done": row["directives"]["on_time"],
            "due": row["directives"]["due"],
        }
    return _("%(done)s/%(required)s kỳ đăng đúng hạn") % {
        "done": r["on_time"],
        "required": r["required"],
    }


def _credited_basis(name, row, rubric):
    """Rules 2: volume, regularity and recency count credited posts only (no for-show ones)."""
    credited = row["credited"]
    if name == "volume":
        text = _("%(posts)s bài được tính / chỉ tiêu đến nay %(target)s (cả năm %(full)s)") % {
            "posts": credited["school_year"],
            "target": number_format(row["posts"]["target"], 1),
            "full": rubric.posts_target,
        }
        excluded = row["posts"]["school_year"] - credited["school_year"]
        if excluded > 0:
            text += "; " + _("%(n)s bài chiếu lệ không được tính") % {"n": excluded}
        return text
    if name == "regularity":
        return _(
            "%(active)s/%(window)s tuần học gần nhất có bài được tính (đủ điểm từ %(full)s tuần)"
        ) % {
            "active": credited["active_weeks_12"],
            "window": row["window_weeks"],
            "full": rubric.regularity_full_weeks,
        }
    if credited["days_since_update"] is None:
        return _("Chưa có cập nhật nào được tính")
    return _("Cập nhật được tính gần nhất cách %(days)s ngày") % {
        "days": credited["days_since_update"]
    }


class PrintView(access.Forbidden403Mixin, TemplateView):
    """A printable one-school report (no admin chrome)."""

    template_name = "audit/print.html"

    def check_access(self, request, **kwargs):
        if not request.user.is_authenticated:
            return redirect(f"{reverse('wagtailadmin_login')}?next={request.path}")
        self.school = access.school_or_403(request.user, kwargs["school_id"])
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(school_context(self.request, self.school))
        context["printed_at"] = timezone.localtime()
        return context


class ExportView(access.Forbidden403Mixin, View):
    """The dashboard's table (filters applied) as CSV, XLSX or JSON: the numbers of the report."""

    def check_access(self, request, **kwargs):
        if not access.is_office_user(request.user):
            raise PermissionDenied
        return None

    def get(self, request, fmt):
        schools = access.office_schools(request.user)
        level = request.GET.get("level", "")
        authority = request.GET.get("authority", "")
        if level in Level.values:
            schools = schools.filter(level=level)
        if authority:
            schools = schools.filter(authority__code=authority)
        as_of, _note, _error = resolve_as_of(request, schools)
        run = engine.run_audit(schools, as_of)
        band = request.GET.get("band", "")
        if band in BANDS:
            run.rows = [r for r in run.rows if r["band"] == band]
        stem = f"theo-doi-cap-nhat-{as_of.isoformat()}"
        if fmt == "csv":
            response = HttpResponse(report_csv(run), content_type="text/csv; charset=utf-8")
        elif fmt == "xlsx":
            response = HttpResponse(
                report_xlsx(run),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        else:
            fmt = "json"
            response = HttpResponse(report_json(run), content_type="application/json")
        response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
        return response
