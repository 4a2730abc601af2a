"""Creating authorities and schools. Everything a school needs is made here, in one transaction:
nobody builds a school by clicking."""

from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.signals import post_save
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from modelsearch.backends import get_search_backends
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    WorkflowPage,
)

from .approval import get_school_workflow
from .hosts import forget_hosts
from .isolation.office_rights import MEDIA_PERMISSIONS, OFFICE_ADMIN_PAGE_PERMISSIONS
from .isolation.permission_policies import subtree_q
from .models import Authority, Level, Membership, School
from .signals import school_details_changed, school_provisioned, schools_provisioned

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
APPROVER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
# The offices' rights over their schools (OFFICE_ADMIN_PAGE_PERMISSIONS, MEDIA_PERMISSIONS) are
# not stored per school: they follow from the authority tree (isolation/office_rights.py).
__all__ = ["MEDIA_PERMISSIONS", "OFFICE_ADMIN_PAGE_PERMISSIONS"]
# Fields an import may change on an existing school (identity and site stay as provisioned).
UPDATABLE_FIELDS = ("name", "address", "phone", "email", "principal")


@dataclass
class SchoolData:
    code: str
    name: str
    level: str
    authority: str
    slug: str
    address: str = ""
    phone: str = ""
    email: str = ""
    principal: str = ""
    extra: dict = field(default_factory=dict)


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _admin_access():
    return _permission("wagtailadmin", "access_admin")


def _group(name):
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(_admin_access())
    return group


def grant_page_permissions(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", codename)
        )


def grant_collection_permissions(group, collection):
    for app_label, codename in MEDIA_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(app_label, codename)
        )


@transaction.atomic
def create_authority(code, name, parent_code=None, kind=None, **contact):
    parent = None
    if parent_code:
        parent = Authority.objects.filter(code=parent_code).first()
        if parent is None:
            raise ValidationError(
                _("Không có đơn vị quản lý mã “%(code)s”.") % {"code": parent_code}
            )
    authority, created = Authority.objects.get_or_create(
        code=code,
        defaults={"name": name, "parent": parent, "kind": kind or Authority.Kind.PHONG, **contact},
    )
    if not created:
        authority.name = name
        for key, value in contact.items():
            setattr(authority, key, value)
        authority.save()
    if authority.admins_group_id is None:
        authority.admins_group = _group(_("%(code)s – Quản trị Phòng/Sở") % {"code": code})
    if authority.auditors_group_id is None:
        authority.auditors_group = _group(_("%(code)s – Kiểm tra Phòng/Sở") % {"code": code})
    authority.save()
    # The top office owns the default site on PORTAL_DOMAIN (its news, documents, directory).
    if authority.parent_id is None and authority.site_id is None and not _office_site_taken():
        builder = import_string(settings.PORTAL_OFFICE_SITE_BUILDER)
        root = builder(authority)
        authority.site = Site.objects.create(
            hostname=settings.PORTAL_DOMAIN,
            port=settings.PORTAL_PORT,
            root_page=root,
            is_default_site=True,
            site_name=authority.name,
        )
        authority.save(update_fields=["site"])
        grant_page_permissions(authority.admins_group, root, OFFICE_ADMIN_PAGE_PERMISSIONS)
        WorkflowPage.objects.get_or_create(page=root, defaults={"workflow": get_school_workflow()})
    if authority.admins_group_id:
        grant_collection_permissions(authority.admins_group, _office_collection(authority))
    return authority, created


def _office_site_taken():
    return Site.objects.filter(hostname=settings.PORTAL_DOMAIN).exists()


def _office_collection(authority):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=authority.name).first()
    return existing or root.add_child(name=authority.name)


def validate_school(data, existing=None):
    """Errors as {field: message}, in Vietnamese, for one school's data."""
    errors = {}
    for name in ("code", "name", "level", "authority", "slug"):
        if not str(getattr(data, name) or "").strip():
            errors[name] = _("Thiếu giá trị bắt buộc.")
    if data.level and data.level not in Level.values:
        errors["level"] = _("Cấp học “%(value)s” không hợp lệ (MN, TH hoặc THCS).") % {
            "value": data.level
        }
    if data.slug:
        from .models import HOST_LABEL

        try:
            HOST_LABEL(data.slug)
        except ValidationError:
            errors["slug"] = _(
                "“%(value)s” không dùng được làm tên miền con: chỉ chữ thường không dấu, "
                "chữ số và “-”, tối đa 63 ký tự."
            ) % {"value": data.slug}
    if data.authority and not Authority.objects.filter(code=data.authority).exists():
        errors["authority"] = _("Không có đơn vị quản lý mã “%(value)s”.") % {
            "value": data.authority
        }
    if data.email:
        from django.core.validators import validate_email

        try:
            validate_email(data.email)
        except ValidationError:
            errors["email"] = _("Email “%(value)s” không hợp lệ.") % {"value": data.email}
    if data.code and data.slug:
        clash = School.objects.filter(slug=data.slug).exclude(code=data.code).first()
        if clash:
            errors["slug"] = _("Tên miền con “%(value)s” đã thuộc trường %(school)s.") % {
                "value": data.slug,
                "school": clash.name,
            }
        same = School.objects.filter(code=data.code).first()
        if same and (same.slug != data.slug or same.level != data.level):
            errors.setdefault(
                "slug" if same.slug != data.slug else "level",
                _(
                    "Trường mã “%(code)s” đã có với tên miền “%(slug)s”, cấp %(level)s; "
                    "không đổi được qua nhập liệu."
                )
                % {"code": data.code, "slug": same.slug, "level": same.level},
            )
    return errors


@transaction.atomic
def provision_school(data, **extra):
    """Create the school with its whole site, or update its contact details. Returns (school, created)."""
    errors = validate_school(data)
    if errors:
        raise ValidationError(errors)
    school = School.objects.filter(code=data.code).first()
    if school is not None:
        return update_school(school, data, **extra), False
    return create_schools([data], **extra)[0], True


def update_school(school, data, **extra):
    """Apply an import's changed details to an existing school (and its site's name)."""
    previous = {
        name: getattr(school, name)
        for name in UPDATABLE_FIELDS
        if getattr(school, name) != getattr(data, name)
    }
    for name in previous:
        setattr(school, name, getattr(data, name))
    for key, value in {**data.extra, **extra}.items():
        setattr(school, key, value)
    if previous or extra or data.extra:
        school.save()
        if "name" in previous and school.site_id:
            Site.objects.filter(pk=school.site_id).update(site_name=school.name)
    if previous:
        school_details_changed.send(sender=School, school=school, previous=previous)
    return school


@transaction.atomic
def create_schools(rows, **extra):
    """Provision new, already validated schools together: their rows, collections, groups,
    permissions, sites, workflow and page trees (the site builder's batch form) in a bounded
    number of bulk statements whatever their number. A province's import is thousands of
    schools: one by one it took 0.65-1.2 s a school. Returns the schools, in the order of
    `rows`."""
    if not rows:
        return []
    authorities = Authority.objects.in_bulk([data.authority for data in rows], field_name="code")
    schools = School.objects.bulk_create(
        [
            School(
                code=data.code,
                name=data.name,
                level=data.level,
                authority=authorities[data.authority],
                slug=data.slug,
                address=data.address,
                phone=data.phone,
                email=data.email,
                principal=data.principal,
                **{**data.extra, **extra},
            )
            for data in rows
        ]
    )
    collections = _add_collections([f"{school.name} ({school.code})" for school in schools])
    groups = _groups(
        [
            name % {"code": school.code}
            for school in schools
            for name in (_("%(code)s – Biên tập viên"), _("%(code)s – Ban giám hiệu"))
        ]
    )
    for n, (school, collection) in enumerate(zip(schools, collections, strict=True)):
        school.collection = collection
        school.editors_group, school.approvers_group = groups[2 * n], groups[2 * n + 1]
    with _search_indexing_deferred():
        for school, root in zip(schools, _build_sites(schools), strict=True):
            school.root_page = root
        _provision_sites_and_rights(schools)
        # The batch first (receivers that work in bulk), then each school.
        schools_provisioned.send(sender=School, schools=schools)
        for school in schools:
            school_provisioned.send(sender=School, school=school)
    _index_pages_below([school.root_page.path for school in schools])
    return schools


def _build_sites(schools):
    """The page trees through PORTAL_SITE_BUILDER: all at once when the builder has a batch
    form (`builder.build_many(schools)`, the blueprint's does), else school by school."""
    builder = import_string(settings.PORTAL_SITE_BUILDER)
    build_many = getattr(builder, "build_many", None)
    if build_many is not None:
        return build_many(schools)
    return [builder(school) for school in schools]


def _provision_sites_and_rights(schools):
    sites = Site.objects.bulk_create(
        [
            Site(
                hostname=school.hostname,
                port=settings.PORTAL_PORT,
                root_page=school.root_page,
                site_name=school.name,
            )
            for school in schools
        ]
    )
    for school, site in zip(schools, sites, strict=True):
        school.site = site
    School.objects.bulk_update(
        schools, ["collection", "editors_group", "approvers_group", "root_page", "site"]
    )
    # bulk_create sends no post_save: what the Site signals would have done.
    Site.clear_site_root_paths_cache()
    transaction.on_commit(forget_hosts)
    forget_hosts()

    # The school's own groups only: its offices' admins hold their rights through the
    # authority tree (`isolation/office_rights.py`), so a new school is theirs at once and a
    # move carries them along.
    page_grants, collection_grants = [], []
    for school in schools:
        for group, codenames in (
            (school.editors_group, EDITOR_PAGE_PERMISSIONS),
            (school.approvers_group, APPROVER_PAGE_PERMISSIONS),
        ):
            page_grants += [(group, school.root_page, codename) for codename in codenames]
            collection_grants.append((group, school.collection))
    grant_page_permissions_in_bulk(page_grants)
    grant_collection_permissions_in_bulk(collection_grants)
    workflow = get_school_workflow()
    WorkflowPage.objects.bulk_create(
        [WorkflowPage(page=school.root_page, workflow=workflow) for school in schools]
    )


@contextmanager
def _search_indexing_deferred():
    """Pages saved meanwhile are not indexed one by one (four queries each, a quarter of a
    school's provisioning); `_index_pages_below` indexes them in bulk afterwards."""
    disconnected = [
        model
        for model in get_indexed_models()
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        yield
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)


def _index_pages_below(paths):
    """Search entries for every page of these trees, one bulk insert per page type."""
    by_type = defaultdict(list)
    for pk, content_type_id in Page.objects.filter(subtree_q(paths)).values_list(
        "pk", "content_type_id"
    ):
        by_type[content_type_id].append(pk)
    backends = list(get_search_backends(with_auto_update=True))
    for content_type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or model not in get_indexed_models():
            continue
        pages = list(model.objects.filter(pk__in=pks))
        for backend in backends:
            backend.add_bulk(model, pages)


def _add_collections(names):
    """New children of the root collection, one bulk insert (treebeard paths computed here)."""
    root = Collection.get_first_root_node()
    last = root.get_last_child()
    first = Collection._str2int(last.path[-Collection.steplen :]) + 1 if last else 1
    created = Collection.objects.bulk_create(
        [
            Collection(
                name=name,
                path=Collection._get_path(root.path, root.depth + 1, first + n),
                depth=root.depth + 1,
                numchild=0,
            )
            for n, name in enumerate(names)
        ]
    )
    Collection.objects.filter(pk=root.pk).update(numchild=root.get_children().count())
    return created


def _groups(names):
    """Groups with admin access, by name (existing ones reused), in the order of `names`."""
    existing = Group.objects.in_bulk(names, field_name="name")
    Group.objects.bulk_create([Group(name=name) for name in names if name not in existing])
    groups = Group.objects.in_bulk(names, field_name="name")
    access = _admin_access()
    Group.permissions.through.objects.bulk_create(
        [
            Group.permissions.through(group_id=group.pk, permission_id=access.pk)
            for group in groups.values()
        ],
        ignore_conflicts=True,
    )
    return [groups[name] for name in names]


def _permissions(pairs):
    """{(app_label, codename): Permission} in one query."""
    found = Permission.objects.filter(
        content_type__app_label__in={app for app, _c in pairs},
        codename__in={codename for _a, codename in pairs},
    ).select_related("content_type")
    return {(p.content_type.app_label, p.codename): p for p in found}


def grant_page_permissions_in_bulk(grants):
    """Page permissions for [(group, page, codename)], skipping those already given."""
    perms = _permissions({("wagtailcore", codename) for _g, _p, codename in grants})
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(group=group, page=page, permission=perms["wagtailcore", codename])
            for group, page, codename in grants
        ],
        ignore_conflicts=True,
        batch_size=2000,
    )


def grant_collection_permissions_in_bulk(grants):
    """The media permissions for [(group, collection)], skipping those already given."""
    perms = _permissions(MEDIA_PERMISSIONS)
    GroupCollectionPermission.objects.bulk_create(
        [
            GroupCollectionPermission(group=group, collection=collection, permission=perms[key])
            for group, collection in grants
            for key in MEDIA_PERMISSIONS
        ],
        ignore_conflicts=True,
        batch_size=2000,
    )


@transaction.atomic
def add_member(username, role, school=None, authority=None, email="", password=None):
    """Create the user if needed and give the role. Idempotent. Returns (user, created_user)."""
    if (school is None) == (authority is None):
        raise ValidationError(_("Chọn đúng một: trường hoặc đơn vị quản lý."))
    if school is not None and role not in Membership.SCHOOL_ROLES:
        raise ValidationError({"role": _("Vai trò ở trường chỉ là editor hoặc approver.")})
    if authority is not None and role not in Membership.AUTHORITY_ROLES:
        raise ValidationError({"role": _("Vai trò ở Phòng/Sở chỉ là auditor hoặc admin.")})
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username, defaults={"email": email})
    if email and user.email != email:
        user.email = email
    if password:
        user.set_password(password)
    elif created:
        user.set_unusable_password()
    user.is_active = True
    user.save()
    Membership.objects.get_or_create(user=user, school=school, authority=authority, role=role)
    user.groups.add(group_for_role(role, school=school, authority=authority))
    return user, created


def group_for_role(role, school=None, authority=None):
    return {
        Membership.Role.EDITOR: lambda: school.editors_group,
        Membership.Role.APPROVER: lambda: school.approvers_group,
        Membership.Role.AUDITOR: lambda: authority.auditors_group,
        Membership.Role.ADMIN: lambda: authority.admins_group,
    }[role]()
