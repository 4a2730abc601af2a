"""The office's authority tree (/admin/audit/tree/): a roll-up per sub-office of its schools'
lines in `audit_report` (schools per band, disclosure completion, median days since update),
its open corrective requests and open directive answers; each row leads to the dashboard of
that office. Office admins move a sub-office under another, or create one, from here
(tenants.authority_tree, tenants.provisioning)."""

import statistics
from collections import Counter

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mandates.summaries import open_by_school
from tenants.authority_tree import infer_kind, move_authority
from tenants.models import Authority, Membership, School
from tenants.provisioning import create_authority

from . import access, table
from .models import BANDS, CorrectiveRequest
from .report import entry_of
from .views import AuditView


def rollup(authority, entries, paths, requests, directives):
    """One authority's line: the sums over its subtree's report entries."""
    mine = [e for e in entries if paths[e["authority"]].startswith(authority.path)]
    bands = Counter(e["band"] for e in mine)
    required = sum(e["disclosure"]["required"] for e in mine)
    published = sum(e["disclosure"]["published"] for e in mine)
    days = [e["days_since_update"] for e in mine if e["days_since_update"] is not None]
    codes = {e["code"] for e in mine}
    return {
        "authority": authority,
        "depth": authority.path.count("/") - 1,
        "schools": len(mine),
        "bands": [(band, bands.get(band, 0)) for band in BANDS],
        "disclosure_required": required,
        "disclosure_published": published,
        "disclosure_share": round(100 * published / required, 1) if required else None,
        "median_days": statistics.median(days) if days else None,
        "never_updated": len(mine) - len(days),
        "open_requests": sum(n for code, n in requests.items() if code in codes),
        "open_directives": sum(n for code, n in directives.items() if code in codes),
    }


def movable(user):
    """(authorities the user may move, authorities they may move them under): an office admin
    works inside the subtrees of their admin memberships, never moving their own office."""
    if user.is_superuser:
        everything = Authority.objects.all()
        return everything, everything
    own = list(
        Authority.objects.filter(
            memberships__user=user, memberships__role=Membership.Role.ADMIN
        ).distinct()
    )
    if not own:
        return Authority.objects.none(), Authority.objects.none()
    inside = Authority.objects.none()
    for authority in own:
        inside |= authority.subtree()
    return inside.exclude(pk__in=[a.pk for a in own]), inside


class TreeView(AuditView):
    template_name = "audit/authority_tree.html"
    page_title = gettext_lazy("Cây đơn vị quản lý")

    def check_access(self, request, **kwargs):
        if not access.is_office_user(request.user):
            raise PermissionDenied
        return None

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        as_of = timezone.localdate()
        schools = access.office_schools(user).filter(is_active=True)
        run = table.table_run(schools, as_of)
        entries = [entry_of(row) for row in run.rows]
        authorities = list(access.visible_authorities(user).order_by("path"))
        paths = dict(Authority.objects.values_list("code", "path"))
        requests = Counter(
            CorrectiveRequest.objects.filter(inspected__school__in=schools)
            .exclude(status=CorrectiveRequest.Status.RESOLVED)
            .values_list("inspected__school__code", flat=True)
        )
        codes = dict(School.objects.filter(pk__in=schools.values("pk")).values_list("pk", "code"))
        directives = {
            codes[pk]: len(items) for pk, items in open_by_school(list(codes), as_of).items()
        }
        movers, parents = movable(user)
        context.update(
            as_of=as_of,
            bands=BANDS,
            rows=[rollup(a, entries, paths, requests, directives) for a in authorities],
            dashboard_url=reverse("audit:dashboard"),
            movers=movers.order_by("path"),
            parents=parents.order_by("path"),
            kinds=Authority.Kind.choices,
        )
        return context

    def post(self, request, *args, **kwargs):
        if "create" in request.POST:
            return self.create(request)
        movers, parents = movable(request.user)
        authority = movers.filter(code=request.POST.get("authority", "")).first()
        parent = parents.filter(code=request.POST.get("parent", "")).first()
        if authority is None or parent is None:
            messages.error(request, _("Chọn đơn vị cần chuyển và đơn vị cấp trên mới."))
            return redirect("audit:tree")
        try:
            moved = move_authority(authority, parent)
        except ValidationError as error:
            messages.error(request, "; ".join(error.messages))
            return redirect("audit:tree")
        if moved:
            messages.success(
                request,
                _("Đã chuyển %(name)s về trực thuộc %(parent)s.")
                % {"name": authority.name, "parent": parent.name},
            )
        return redirect("audit:tree")

    def create(self, request):
        """A new sub-office under one of the admin's offices; its kind inferred from the name
        as the command does, else chosen. Never an existing code (that is another office)."""
        _movers, parents = movable(request.user)
        parent = parents.filter(code=request.POST.get("parent", "")).first()
        code = request.POST.get("code", "").strip().upper()
        name = " ".join(request.POST.get("name", "").split())
        kind = request.POST.get("kind", "") or infer_kind(name)
        problems = []
        if parent is None:
            problems.append(_("Chọn đơn vị cấp trên."))
        if not code or not name:
            problems.append(_("Nhập mã và tên đơn vị."))
        elif Authority.objects.filter(code=code).exists():
            problems.append(_("Mã đơn vị “%(code)s” đã có.") % {"code": code})
        if kind not in Authority.Kind.values:
            problems.append(_("Chọn loại đơn vị (tên không cho biết là Sở, Phòng hay xã)."))
        if problems:
            messages.error(request, " ".join(problems))
            return redirect("audit:tree")
        create_authority(code, name, parent_code=parent.code, kind=kind)
        messages.success(request, _("Đã tạo đơn vị %(name)s.") % {"name": name})
        return redirect("audit:tree")
