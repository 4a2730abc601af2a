"""Tasks wait for the commit, run on the worker, are retried, and failures show in the admin."""

from django.conf import settings
from django.db import transaction
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from portal.models import SentMessage
from portal.tasks import enqueue_after_commit, retry_delay
from tenants.models import Membership

from . import sample_tasks

HOST = settings.PORTAL_DOMAIN


def test_enqueued_when_the_transaction_commits_never_on_rollback(
    db_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            enqueue_after_commit(sample_tasks.remember, "kept")
            # Nothing is queued while the transaction that asked may still roll back.
            assert not DBTaskResult.objects.exists()
        try:
            with transaction.atomic():
                enqueue_after_commit(sample_tasks.remember, "rolled-back")
                raise RuntimeError("the editor's save failed")
        except RuntimeError:
            pass
    [row] = DBTaskResult.objects.all()
    assert row.task_path == "tests.portal.sample_tasks.remember"
    assert row.args_kwargs == {"args": ["kept"], "kwargs": {}}
    assert row.status == TaskResultStatus.READY


def test_the_worker_runs_queued_tasks(db_queue, run_worker):
    sample_tasks.remember.enqueue("hello")
    assert not SentMessage.objects.filter(key="hello").exists()
    run_worker()
    assert SentMessage.objects.filter(key="hello").exists()
    [row] = DBTaskResult.objects.all()
    assert row.status == TaskResultStatus.SUCCESSFUL


def test_a_failed_task_is_retried_until_it_succeeds(run_worker):
    sample_tasks.flaky.enqueue("retry-ok", 2)
    run_worker()
    [row] = DBTaskResult.objects.all()
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert len(row.worker_ids) == 3
    assert SentMessage.objects.filter(key="retry-ok").exists()


def test_a_retry_waits_before_running_again(run_worker, settings):
    settings.PORTAL_TASK_RETRY_SECONDS = 60
    sample_tasks.flaky.enqueue("later", 1)
    run_worker()
    [row] = DBTaskResult.objects.all()
    # Failed once, back in the queue for a minute from now: this worker pass did not rerun it.
    assert row.status == TaskResultStatus.READY
    assert len(row.worker_ids) == 1
    assert "Máy chủ thư không trả lời" in row.traceback
    assert (row.run_after - row.started_at).total_seconds() >= 59
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3)] == [60, 120, 240]


def test_retries_stop_at_the_limit_and_superusers_see_the_failure(
    run_worker, settings, client, django_user_model, make_member, school
):
    settings.PORTAL_TASK_MAX_ATTEMPTS = 3
    sample_tasks.flaky.enqueue("never", 99)
    sample_tasks.remember.enqueue("waiting")
    run_worker()
    failed = DBTaskResult.objects.get(task_path__endswith="flaky")
    assert failed.status == TaskResultStatus.FAILED
    assert len(failed.worker_ids) == 3
    assert not SentMessage.objects.filter(key="never").exists()

    sample_tasks.remember.enqueue("still-waiting")
    admin = django_user_model.objects.create_superuser("nentang", "nt@example.vn", "x")
    client.force_login(admin)
    response = client.get("/admin/tasks/", HTTP_HOST=HOST)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Hàng đợi tác vụ nền" in body
    health = response.context["health"]
    assert health.waiting == 1
    assert health.failed_last_day == 1
    [failure] = health.failures
    assert failure.task_name == "flaky" and failure.attempts == 3 and failure.gave_up
    assert "RuntimeError: Máy chủ thư không trả lời (lần 3)" in body
    assert "Đã dừng, không chạy lại" in body

    # School and office users never see the queue (it spans every tenant).
    for role, where in (
        (Membership.Role.APPROVER, {"school": school}),
        (Membership.Role.ADMIN, {"authority": school.authority}),
    ):
        client.force_login(make_member(role, **where))
        assert client.get("/admin/tasks/", HTTP_HOST=HOST).status_code == 403
        assert "/admin/tasks/" not in client.get("/admin/", HTTP_HOST=HOST).content.decode()


def test_a_task_lost_with_its_worker_is_queued_again_until_the_attempt_limit(db_queue, run_worker):
    import datetime

    from django.utils import timezone

    from portal.tasks import requeue_stale

    def claimed(key, attempts, minutes_ago):
        row = DBTaskResult.objects.get(pk=sample_tasks.remember.enqueue(key).id)
        row.claim("lost-worker")
        DBTaskResult.objects.filter(pk=row.pk).update(
            worker_ids=[f"w{i}" for i in range(attempts)],
            started_at=timezone.now() - datetime.timedelta(minutes=minutes_ago),
        )
        return row.pk

    limit = settings.PORTAL_TASK_MAX_ATTEMPTS
    db_queue.PORTAL_TASK_STALE_SECONDS = 1800
    lost = claimed("lost", 1, 31)
    busy = claimed("busy", 1, 29)  # a live worker's long task, within the timeout
    hopeless = claimed("hopeless", limit, 31)  # killed its worker every time
    assert requeue_stale() == (1, 1)
    assert requeue_stale() == (0, 0)
    status = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert status[lost] == TaskResultStatus.READY
    assert status[busy] == TaskResultStatus.RUNNING
    assert status[hopeless] == TaskResultStatus.FAILED
    run_worker()
    assert set(SentMessage.objects.values_list("key", flat=True)) == {"lost"}
    # The queue screen shows the lost and the abandoned task with their reason.
    from portal.queue_health import queue_health

    failures = {f.attempts: f for f in queue_health().failures}
    assert failures[limit].gave_up and "WorkerLost" in failures[limit].error
