"""The product's own background work on the database queue and its worker: workflow e-mails
and the audit ledger leave the request, happen once the worker ran, and happen once."""

from django.conf import settings
from django.core import mail
from django_tasks_db.models import DBTaskResult

from audit.background import catch_up_ledger, ingest_page
from audit.models import ActivityEvent
from tenants.models import Membership
from tenants.notifications import send_submission_notice
from tests.audit.history import add_news, moment
from tests.page_types.test_workflow import approve_url, create_article, submit, task_state_of

HOST = settings.PORTAL_DOMAIN


def queued_paths():
    return sorted(DBTaskResult.objects.ready().values_list("task_path", flat=True))


def test_workflow_emails_are_sent_by_the_worker_once(
    db_queue, run_worker, client, editor, approver, school, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    page = create_article(client, school)
    with django_capture_on_commit_callbacks(execute=True):
        page = submit(client, page)
    # The editor's request only queued the notice.
    assert not mail.outbox
    assert "tenants.notifications.send_submission_notice" in queued_paths()
    run_worker()
    [notice] = mail.outbox
    assert notice.to == [approver.email]
    assert notice.subject.endswith("Bài chờ duyệt: Lễ khai giảng năm học 2024-2025")
    # Running the same task again (a retry, a duplicate) sends nothing more.
    state = task_state_of(page)
    assert send_submission_notice.call(state.pk, editor.pk) == 0
    assert len(mail.outbox) == 1

    client.force_login(approver)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            approve_url(page, state, "reject"), {"comment": "Thêm ảnh lễ chào cờ"}, HTTP_HOST=HOST
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    run_worker()
    [rejected] = mail.outbox[1:]
    assert rejected.to == [editor.email]
    assert "Thêm ảnh lễ chào cờ" in rejected.body

    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        page = submit(client, page)
    run_worker()
    client.force_login(approver)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(approve_url(page, task_state_of(page)), HTTP_HOST=HOST)
    page.refresh_from_db()
    assert page.live
    run_worker()
    # Submission, rejection, second submission, approval: one e-mail each, none twice
    # (Wagtail's own in-request notifiers are replaced, not doubled).
    assert [m.to for m in mail.outbox] == [
        [approver.email],
        [editor.email],
        [approver.email],
        [editor.email],
    ]
    assert DBTaskResult.objects.exclude(status="SUCCESSFUL").count() == 0


def never_updated(client, office):
    client.force_login(office)
    response = client.get("/admin/audit/?as_of=25/11/2016", HTTP_HOST=HOST)
    assert response.status_code == 200
    return response.context["tiles"]["never_updated"]


def test_a_publication_reaches_the_dashboard_once_the_worker_ran(
    db_queue, run_worker, client, school, make_member, django_capture_on_commit_callbacks
):
    office = make_member(Membership.Role.ADMIN, authority=school.authority)
    assert never_updated(client, office) == 1
    with django_capture_on_commit_callbacks(execute=True):
        article = add_news(school, moment(2016, 11, 21), title="Hội thi giáo viên dạy giỏi")
    assert "audit.background.ingest_page" in queued_paths()
    assert not ActivityEvent.objects.filter(page_id=article.pk).exists()
    assert never_updated(client, office) == 1
    run_worker()
    assert never_updated(client, office) == 0
    # Ingesting the page again (a retry, a duplicate task) adds nothing.
    count = ActivityEvent.objects.count()
    assert ingest_page.call(article.pk) == 0
    assert catch_up_ledger.call() == 0
    assert ActivityEvent.objects.count() == count


def test_a_crash_between_the_publication_and_its_task_loses_nothing(
    db_queue, run_worker, client, school, make_member, django_capture_on_commit_callbacks
):
    office = make_member(Membership.Role.ADMIN, authority=school.authority)
    with django_capture_on_commit_callbacks(execute=True):
        article = add_news(school, moment(2016, 11, 21), title="Hội thi giáo viên dạy giỏi")
    # The worker died with the task: the row is gone, the publication log is not.
    DBTaskResult.objects.all().delete()
    run_worker()
    assert never_updated(client, office) == 1
    added = catch_up_ledger.call()
    assert added == ActivityEvent.objects.filter(page_id=article.pk).count() >= 1
    assert never_updated(client, office) == 0
    assert catch_up_ledger.call() == 0
