"""Creating authorities and schools. Everything a school needs is made here, in one transaction:
nobody builds a school by clicking."""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Site,
    WorkflowPage,
)

from .approval import get_school_workflow
from .models import Authority, Level, Membership, School
from .signals import school_details_changed, school_provisioned

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
APPROVER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
OFFICE_ADMIN_PAGE_PERMISSIONS = APPROVER_PAGE_PERMISSIONS
MEDIA_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)
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
        return school, False

    authority = Authority.objects.get(code=data.authority)
    school = School.objects.create(
        code=data.code,
        name=data.name,
        level=data.level,
        authority=authority,
        slug=data.slug,
        address=data.address,
        phone=data.phone,
        email=data.email,
        principal=data.principal,
        **{**data.extra, **extra},
    )
    school.collection = Collection.get_first_root_node().add_child(
        name=f"{school.name} ({school.code})"
    )
    school.editors_group = _group(_("%(code)s – Biên tập viên") % {"code": school.code})
    school.approvers_group = _group(_("%(code)s – Ban giám hiệu") % {"code": school.code})
    root = import_string(settings.PORTAL_SITE_BUILDER)(school)
    school.root_page = root
    school.site = Site.objects.create(
        hostname=school.hostname, port=settings.PORTAL_PORT, root_page=root, site_name=school.name
    )
    school.save()

    grant_page_permissions(school.editors_group, root, EDITOR_PAGE_PERMISSIONS)
    grant_page_permissions(school.approvers_group, root, APPROVER_PAGE_PERMISSIONS)
    grant_collection_permissions(school.editors_group, school.collection)
    grant_collection_permissions(school.approvers_group, school.collection)
    for office in authority.ancestors_and_self():
        if office.admins_group_id:
            grant_page_permissions(office.admins_group, root, OFFICE_ADMIN_PAGE_PERMISSIONS)
            grant_collection_permissions(office.admins_group, school.collection)
    WorkflowPage.objects.get_or_create(page=root, defaults={"workflow": get_school_workflow()})
    school_provisioned.send(sender=School, school=school)
    return school, True


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
