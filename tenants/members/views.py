"""The member-management screens. Every view checks the manager's reach itself; ids outside it
answer 404, so another school's users cannot even be confirmed to exist."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.defaults import permission_denied
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.models import Site

from ..models import Membership
from .forms import AddMemberForm, EditMemberForm, SchoolForm, SetPasswordForm
from .permissions import can_manage_user, manager_scope


def forbidden(request):
    # An explicit 403: Wagtail turns a raised PermissionDenied into a redirect to the dashboard.
    return permission_denied(request, PermissionDenied())


class ManagerRequiredMixin:
    need_schools = False

    def get_breadcrumbs_items(self):
        # Home › Thành viên › (this screen): the slim header shows the trail as the title.
        items = [*super().get_breadcrumbs_items()]
        items.append({"url": reverse("tenants_members:index"), "label": _("Thành viên")})
        if self.request.path != reverse("tenants_members:index"):
            items.append({"url": "", "label": self.get_page_title()})
        return items

    def dispatch(self, request, *args, **kwargs):
        self.scope = manager_scope(request.user)
        allowed = self.scope.can_manage_schools if self.need_schools else self.scope.can_manage
        if not allowed:
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)


class MemberMixin(ManagerRequiredMixin):
    """Views about one member: the member must be listed for this manager and changeable."""

    def dispatch(self, request, *args, **kwargs):
        self.scope = manager_scope(request.user)
        if not self.scope.can_manage:
            return forbidden(request)
        self.member = get_object_or_404(self.scope.members(), pk=kwargs["user_id"])
        if not can_manage_user(self.scope, request.user, self.member):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["member"] = self.member
        return context


def roles_of(user, scope):
    labels = dict(Membership.Role.choices)
    rows = []
    for membership in user.memberships.select_related("school", "authority"):
        place = membership.school or membership.authority
        visible = scope.unrestricted or (
            membership.school_id in scope.school_roles
            or membership.authority_id in scope.authority_roles
        )
        # Roles held elsewhere are not shown: another school's name is not this manager's to see.
        if visible:
            rows.append(f"{labels[membership.role]} – {place}")
    return rows


class IndexView(ManagerRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "tenants/members/index.html"
    page_title = gettext_lazy("Thành viên")
    header_icon = "group"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()
        members = self.scope.members().order_by("username")
        if query:
            from django.db.models import Q

            members = members.filter(
                Q(username__icontains=query)
                | Q(first_name__icontains=query)
                | Q(last_name__icontains=query)
                | Q(email__icontains=query)
            )
        context["rows"] = [
            {
                "user": user,
                "roles": roles_of(user, self.scope),
                "manageable": can_manage_user(self.scope, self.request.user, user),
            }
            for user in members.prefetch_related("memberships")
        ]
        context["query"] = query
        context["can_manage_schools"] = self.scope.can_manage_schools
        return context


class FormPageMixin(WagtailAdminTemplateMixin):
    template_name = "wagtailadmin/generic/form.html"
    header_icon = "user"
    submit_button_label = gettext_lazy("Lưu")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = self.request.get_full_path()
        context["submit_button_label"] = self.submit_button_label
        return context

    def get_success_url(self):
        return reverse("tenants_members:index")


class AddView(ManagerRequiredMixin, FormPageMixin, FormView):
    form_class = AddMemberForm
    page_title = gettext_lazy("Thêm thành viên")
    submit_button_label = gettext_lazy("Thêm thành viên")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "scope": self.scope}

    def form_valid(self, form):
        user = form.save()
        log(instance=user, action="wagtail.create", user=self.request.user)
        messages.success(
            self.request, _("Đã thêm thành viên “%(username)s”.") % {"username": user.username}
        )
        return super().form_valid(form)


class EditView(MemberMixin, FormPageMixin, FormView):
    form_class = EditMemberForm
    page_title = gettext_lazy("Sửa thông tin thành viên")

    def get_page_subtitle(self):
        return self.member.username

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.member}

    def form_valid(self, form):
        form.save()
        log(instance=self.member, action="wagtail.edit", user=self.request.user)
        messages.success(self.request, _("Đã lưu thông tin thành viên."))
        return super().form_valid(form)


class PasswordView(MemberMixin, FormPageMixin, FormView):
    form_class = SetPasswordForm
    page_title = gettext_lazy("Đặt lại mật khẩu")
    submit_button_label = gettext_lazy("Đặt mật khẩu mới")

    def get_page_subtitle(self):
        return self.member.username

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.member}

    def form_valid(self, form):
        form.save()
        log(instance=self.member, action="wagtail.edit", user=self.request.user)
        messages.success(
            self.request,
            _("Đã đặt mật khẩu mới cho “%(username)s”.") % {"username": self.member.username},
        )
        return super().form_valid(form)


class ActiveStateView(MemberMixin, WagtailAdminTemplateMixin, TemplateView):
    """GET asks for confirmation; POST sets the account's active flag."""

    template_name = "tenants/members/confirm_active.html"
    header_icon = "user"
    active = False

    def get_page_title(self):
        return _("Mở lại tài khoản") if self.active else _("Khóa tài khoản")

    def get_page_subtitle(self):
        return self.member.username

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["active"] = self.active
        return context

    def post(self, request, *args, **kwargs):
        with transaction.atomic():
            get_user_model().objects.filter(pk=self.member.pk).update(is_active=self.active)
            log(instance=self.member, action="wagtail.edit", user=request.user)
        if self.active:
            message = _("Đã mở lại tài khoản “%(username)s”.")
        else:
            message = _("Đã khóa tài khoản “%(username)s”; người này không đăng nhập được nữa.")
        messages.success(request, message % {"username": self.member.username})
        return redirect("tenants_members:index")


class SchoolsView(ManagerRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    need_schools = True
    template_name = "tenants/members/schools.html"
    page_title = gettext_lazy("Trường học")
    header_icon = "home"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["schools"] = self.scope.managed_schools().select_related("authority")
        return context


class SchoolEditView(ManagerRequiredMixin, FormPageMixin, FormView):
    need_schools = True
    form_class = SchoolForm
    page_title = gettext_lazy("Sửa thông tin trường")
    header_icon = "home"

    def dispatch(self, request, *args, **kwargs):
        self.scope = manager_scope(request.user)
        if not self.scope.can_manage_schools:
            return forbidden(request)
        self.school = self.scope.managed_schools().filter(pk=kwargs["school_id"]).first()
        if self.school is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.school.name

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.school}

    def form_valid(self, form):
        with transaction.atomic():
            school = form.save()
            if school.site_id and "name" in form.changed_data:
                Site.objects.filter(pk=school.site_id).update(site_name=school.name)
        messages.success(self.request, _("Đã lưu thông tin trường."))
        return redirect("tenants_members:schools")
