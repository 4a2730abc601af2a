"""A shared two-office world for the isolation tests, built once per test module.

Every string of school B (and of its office Y) carries the marker "ZQXB"; a body that contains
it (case-insensitively) shows something of B. School A's and B's titles both contain "Kenhdao",
the search term the sweeps type, so a search that finds A's items would find B's if unscoped."""

import io
from dataclasses import dataclass, field

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from PIL import Image as PILImage

from tenants.models import Membership
from tenants.provisioning import SchoolData, add_member, create_authority, provision_school

MARKER = "zqxb"
SEARCH_TERM = "Kenhdao"
PASSWORD = "matkhau-demo-123"


def png_bytes(color=(200, 30, 30)):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), color).save(buffer, "PNG")
    return buffer.getvalue()


@dataclass
class Tenant:
    school: object
    pages: dict = field(default_factory=dict)
    ids: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)


@dataclass
class World:
    a: Tenant
    a2: Tenant
    b: Tenant
    users: dict
    authorities: dict
    shared: dict


def _section(school, key):
    from page_types.models import MandatedSection

    return MandatedSection.objects.get(school=school, key=key).page.specific


def _publish(page, user):
    revision = page.save_revision(user=user, log_action=True)
    revision.publish(user=user)
    page.refresh_from_db()
    return revision


def build_tenant(school, prefix, editor, approver, marker_text):
    """Fill one school with one object of every kind the admin can show."""
    from wagtail.admin.models import EditingSession
    from wagtail.contrib.forms.models import FormSubmission
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.log_actions import log
    from wagtail.models import Comment, Page, UploadedFile

    from page_types.models import NewsArticlePage

    tenant = Tenant(school=school, users={"editor": editor, "approver": approver})
    news_index = _section(school, "tin-tuc")
    live = news_index.add_child(
        instance=NewsArticlePage(
            title=f"Tin {SEARCH_TERM} {marker_text}", slug=f"{prefix}-tin-cong-khai", live=False
        )
    )
    revision = _publish(live, approver)
    draft = news_index.add_child(
        instance=NewsArticlePage(
            title=f"Bản nháp {SEARCH_TERM} {marker_text}", slug=f"{prefix}-ban-nhap", live=False
        )
    )
    draft_revision = draft.save_revision(user=editor, log_action=True)
    # A page waiting for the approvers: a workflow state and a task state.
    moderated = news_index.add_child(
        instance=NewsArticlePage(
            title=f"Chờ duyệt {SEARCH_TERM} {marker_text}", slug=f"{prefix}-cho-duyet", live=False
        )
    )
    moderated.save_revision(user=editor)
    workflow_state = moderated.get_workflow().start(moderated, editor)
    task_state = workflow_state.current_task_state
    # A locked page.
    live.locked, live.locked_by, live.locked_at = True, approver, timezone.now()
    live.save(update_fields=["locked", "locked_by", "locked_at"])

    Image = get_image_model()
    image = Image(
        title=f"Ảnh {SEARCH_TERM} {marker_text}",
        file=ImageFile(io.BytesIO(png_bytes()), name=f"{prefix}-anh-san-truong.png"),
        collection=school.collection,
        uploaded_by_user=editor,
    )
    image.save()
    image.tags.add(f"{prefix}-the-anh")
    log(instance=image, action="wagtail.create", user=editor)
    Document = get_document_model()
    document = Document(
        title=f"Kế hoạch {SEARCH_TERM} {marker_text}",
        file=ContentFile(b"%PDF-1.4\n% test\n", name=f"{prefix}-ke-hoach.pdf"),
        collection=school.collection,
        uploaded_by_user=editor,
    )
    document.save()
    document.tags.add(f"{prefix}-the-tai-lieu")
    log(instance=document, action="wagtail.create", user=editor)

    contact = _section(school, "lien-he")
    submission = FormSubmission.objects.create(
        page=contact, form_data={"ho-va-ten": f"Phụ huynh {marker_text}"}
    )
    comment = Comment.objects.create(
        page=live, user=editor, text=f"Góp ý {marker_text}", contentpath="title"
    )
    redirect = Redirect.objects.create(
        old_path=f"/{prefix}-duong-dan-cu", site=school.site, redirect_page=live
    )
    uploaded = UploadedFile.objects.create(
        file=ContentFile(png_bytes(), name=f"{prefix}-tai-len.png"),
        uploaded_by_user=editor,
        for_content_type=ContentType.objects.get_for_model(Image),
    )
    session = EditingSession.objects.create(
        user=editor,
        content_type=ContentType.objects.get_for_model(Page),
        object_id=str(live.pk),
        last_seen_at=timezone.now(),
    )
    tenant.pages = {
        "home": school.root_page.specific,
        "news_index": news_index,
        "live": live,
        "draft": draft,
        "moderated": moderated,
        "contact": contact,
    }
    tenant.ids = {
        "page": live.pk,
        "page_draft": draft.pk,
        "page_home": school.root_page_id,
        "page_parent": news_index.pk,
        "page_moderated": moderated.pk,
        "form_page": contact.pk,
        "revision": revision.pk,
        "revision_draft": draft_revision.pk,
        "workflow_state": workflow_state.pk,
        "task_state": task_state.pk,
        "image": image.pk,
        "document": document.pk,
        "collection": school.collection_id,
        "site": school.site_id,
        "user": editor.pk,
        "approver_user": approver.pk,
        "group": school.editors_group_id,
        "redirect": redirect.pk,
        "submission": submission.pk,
        "comment": comment.pk,
        "uploaded_file": uploaded.pk,
        "editing_session": session.pk,
        "school": school.pk,
        "authority": school.authority_id,
    }
    return tenant


def build_world():
    from wagtail.models import Task, Workflow

    create_authority("SO-THU", "Sở Giáo dục và Đào tạo thử nghiệm", kind="so")
    x, _ = create_authority("PGD-ALPHA", "Phòng Giáo dục và Đào tạo Alpha", parent_code="SO-THU")
    y, _ = create_authority("PGD-ZQXB", "Phòng Giáo dục và Đào tạo ZQXB", parent_code="SO-THU")

    def school(code, name, level, authority, slug):
        return provision_school(
            SchoolData(code=code, name=name, level=level, authority=authority.code, slug=slug)
        )[0]

    school_a = school("79ALPHA01", "Trường Tiểu học Tân Thông Hội", "TH", x, "th-tan-thong-hoi")
    school_a2 = school("79ALPHA02", "Trường Mầm non Hoa Sen", "MN", x, "mn-hoa-sen")
    school_b = school("79ZQXB01", "Trường Tiểu học ZQXB Bến Đò", "TH", y, "th-zqxb-ben-do")

    def member(username, role, **where):
        return add_member(
            username, role, password=PASSWORD, email=f"{username}@example.vn", **where
        )[0]

    E, A = Membership.Role.EDITOR, Membership.Role.APPROVER
    a = build_tenant(
        school_a,
        "tan-thong",
        member("a_bientap", E, school=school_a),
        member("a_hieutruong", A, school=school_a),
        "Tân Thông Hội",
    )
    a2 = build_tenant(
        school_a2,
        "hoa-sen",
        member("a2_bientap", E, school=school_a2),
        member("a2_hieutruong", A, school=school_a2),
        "Hoa Sen",
    )
    b = build_tenant(
        school_b,
        "zqxb",
        member("zqxb_bientap", E, school=school_b),
        member("zqxb_hieutruong", A, school=school_b),
        "ZQXB Bến Đò",
    )
    users = {
        "a_editor": a.users["editor"],
        "a_approver": a.users["approver"],
        "x_auditor": member("x_kiemtra", Membership.Role.AUDITOR, authority=x),
        "x_admin": member("x_quantri", Membership.Role.ADMIN, authority=x),
        "y_auditor": member("zqxb_kiemtra", Membership.Role.AUDITOR, authority=y),
        "superuser": get_user_model().objects.create_superuser(
            "quantri_he_thong", "root@example.vn", PASSWORD
        ),
    }
    shared = {
        "task": Task.objects.first().pk,
        "workflow": Workflow.objects.first().pk,
    }
    return World(a=a, a2=a2, b=b, users=users, authorities={"x": x, "y": y}, shared=shared)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once per module inside a transaction that is rolled back afterwards; each test's
    own `db` savepoint undoes what the test changes."""
    media = tmp_path_factory.mktemp("isolation-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)):
        cache.clear()
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()


def login(client, user):
    client.force_login(user)
    return client
