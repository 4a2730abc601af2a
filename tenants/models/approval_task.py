"""The school's approval task, a model (Django finds it in this package): approval by the Ban
giám hiệu of the school that owns the page, or by the office's admins for the office's own
pages. Who approves is read from the page's place in the tree."""

from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Task, TaskState

from .tenancy import Authority, School


def approver_groups_for_page(page):
    """The groups allowed to approve this page: its school's approvers, or the office admins."""
    school = School.for_page(page)
    if school is not None:
        return [school.approvers_group_id] if school.approvers_group_id else []
    authority = Authority.objects.filter(
        site__root_page__path=page.path[: 2 * page.steplen]
    ).first()
    if authority and authority.admins_group_id:
        return [authority.admins_group_id]
    return []


class SchoolApprovalTask(Task):
    """Approval by the Ban giám hiệu of the school that owns the page."""

    def _can_approve(self, obj, user):
        if user.is_superuser:
            return True
        from ..isolation.scope import scope_for_user  # the isolation package imports models

        scope = scope_for_user(user)
        # One answer per object and request, kept with the user's scope. Pages and other
        # workflow objects (snippets) may share a pk: keep them apart.
        cache = scope.derived("approval.checks", dict)
        key = (isinstance(obj, Page), getattr(obj, "pk", None))
        if key not in cache:
            group_ids = approver_groups_for_page(obj) if isinstance(obj, Page) else []
            cache[key] = bool(scope.group_ids.intersection(group_ids))
        return cache[key]

    def user_can_access_editor(self, obj, user):
        return self._can_approve(obj, user)

    def locked_for_user(self, obj, user):
        return not self._can_approve(obj, user)

    def user_can_lock(self, obj, user):
        return self._can_approve(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if self._can_approve(obj, user):
            return [
                ("reject", _("Yêu cầu sửa"), True),
                ("approve", _("Duyệt và xuất bản"), False),
                ("approve", _("Duyệt kèm ghi chú"), True),
            ]
        return []

    def on_action(self, task_state, user, action_name, **kwargs):
        # Wagtail's workflow_action view checks the actions against the page named in the URL,
        # not against the task state's own page: check the page actually being approved.
        if not self._can_approve(task_state.workflow_state.content_object, user):
            raise PermissionDenied
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        in_progress = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return in_progress
        roots = approvable_root_paths(user)
        if not roots:
            return TaskState.objects.none()
        condition = Q()
        for path in roots:
            condition |= Q(path__startswith=path)
        page_ids = Page.objects.filter(condition).annotate(pk_str=Cast("pk", CharField()))
        return in_progress.filter(workflow_state__object_id__in=page_ids.values("pk_str"))

    @classmethod
    def get_description(cls):
        return _("Ban giám hiệu của trường sở hữu trang duyệt và xuất bản")

    class Meta:
        verbose_name = _("Duyệt bởi Ban giám hiệu của trường")
        verbose_name_plural = _("Duyệt bởi Ban giám hiệu của trường")


def approvable_root_paths(user):
    from ..isolation.scope import scope_for_user

    group_ids = sorted(scope_for_user(user).group_ids)
    if not group_ids:
        return []
    paths = list(
        School.objects.filter(approvers_group_id__in=group_ids).values_list(
            "root_page__path", flat=True
        )
    )
    paths += list(
        Authority.objects.filter(admins_group_id__in=group_ids, site__isnull=False).values_list(
            "site__root_page__path", flat=True
        )
    )
    return [p for p in paths if p]
