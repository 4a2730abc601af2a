"""The blueprint's actions beyond editing rows: an office takes its own version, rolls the
blueprint out to its existing schools, and reads the change log."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.models import ModelLogEntry

from tenants.isolation.scope import scope_for_user
from tenants.models import Authority, School

from ..models import BlueprintSection
from .admin_owner import (
    CHANGES_PER_PAGE,
    Forbidden403Mixin,
    owner_query,
)
from .ownership import CREATE_LOG_ACTION, AlreadyOwned, create_own_blueprint
from .permissions import access_for, schools_to_apply
from .provisioning import APPLY_LOG_ACTION
from .rollout import enqueue_rollout


class BlueprintOwnView(Forbidden403Mixin, View):
    """Give an authority its own version of the blueprint: a copy of the one it follows,
    which its admins then refine (POST only; the index offers the button)."""

    forbidden_message = Forbidden403Mixin.forbidden_message
    http_method_names = ["post"]

    def post(self, request, pk):
        authority = get_object_or_404(Authority, pk=pk)
        if not access_for(request.user).can_edit(authority.pk):
            raise PermissionDenied
        try:
            create_own_blueprint(authority, user=request.user)
        except AlreadyOwned:
            messages.error(
                request, _("%(authority)s đã có cấu trúc riêng.") % {"authority": authority}
            )
        else:
            messages.success(
                request,
                _(
                    "Đã tạo cấu trúc riêng cho %(authority)s (sao chép từ cấu trúc đang áp dụng); "
                    "các trường của đơn vị theo cấu trúc này từ nay."
                )
                % {"authority": authority},
            )
        return redirect(reverse("page_types_blueprint:index") + owner_query(authority.pk))


class BlueprintScreen(
    Forbidden403Mixin, PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView
):
    """A blueprint screen beside the listing, reached from it (breadcrumbs lead back)."""

    model = BlueprintSection
    breadcrumb_label = None  # the page title unless set

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("page_types_blueprint:index"), "label": _("Cấu trúc trang trường")},
            {"url": "", "label": self.breadcrumb_label or self.page_title},
        ]


class BlueprintApplyView(BlueprintScreen):
    """Adds what the blueprint in force requires to the user's existing schools."""

    permission_required = "apply"
    template_name = "page_types/blueprint/apply.html"
    page_title = gettext_lazy("Áp dụng cấu trúc cho các trường hiện có")
    header_icon = "resubmit"

    def schools(self):
        return schools_to_apply(self.request.user).filter(root_page__isnull=False)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["school_count"] = self.schools().count()
        context["index_url"] = reverse("page_types_blueprint:index")
        context["changes_url"] = reverse("page_types_blueprint:changes")
        context.setdefault("queued", None)
        return context

    def post(self, request, *args, **kwargs):
        # One task per school, queued once this request commits: a worker brings each school
        # up to its own nearest blueprint; an interrupted roll-out is resumed by running it
        # again (each task adds only what its school still lacks).
        count = enqueue_rollout(self.schools(), user=request.user)
        messages.success(
            request,
            _(
                "Đã xếp lịch bổ sung các mục còn thiếu cho %(schools)s trường; kết quả từng "
                "trường ghi trong Lịch sử thay đổi."
            )
            % {"schools": count},
        )
        context = self.get_context_data(queued=count)
        return TemplateResponse(request, self.template_name, context)


class BlueprintChangesView(BlueprintScreen):
    """Every change to the blueprint (who, when, what), deleted sections included, and the
    roll-outs to the schools the user can see."""

    permission_required = "view"
    template_name = "page_types/blueprint/changes.html"
    page_title = gettext_lazy("Lịch sử thay đổi cấu trúc trang trường")
    breadcrumb_label = gettext_lazy("Lịch sử thay đổi")
    header_icon = "history"

    def entries(self):
        user = self.request.user
        access = access_for(user)
        rollouts = Q(
            content_type=ContentType.objects.get_for_model(School), action=APPLY_LOG_ACTION
        )
        edits = Q(content_type=ContentType.objects.get_for_model(BlueprintSection))
        own_versions = Q(
            content_type=ContentType.objects.get_for_model(Authority), action=CREATE_LOG_ACTION
        )
        if not user.is_superuser:
            schools = scope_for_user(user).school_ids
            rollouts &= Q(object_id__in=[str(pk) for pk in schools])
            # The default's entries carry no owner; an own version's carry its authority.
            visible = sorted(access.visible)
            edits &= Q(data__owner__isnull=True) | Q(data__owner__in=visible)
            own_versions &= Q(object_id__in=[str(pk) for pk in visible])
        return (
            ModelLogEntry.objects.filter(edits | rollouts | own_versions)
            .select_related("user")
            .order_by("-timestamp", "-pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = Paginator(self.entries(), CHANGES_PER_PAGE).get_page(self.request.GET.get("p"))
        context["page_obj"] = page
        context["rows"] = [
            {
                "entry": entry,
                "user": entry.user_display_name,
                "message": entry.message,
                "is_rollout": entry.action == APPLY_LOG_ACTION,
            }
            for entry in page
        ]
        return context
