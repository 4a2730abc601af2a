"""The admin school import's background run: the confirmed file is checked once more (the
database may have changed since the preview), then provisioned by `import_rows` in its batches,
with the rows done after each batch recorded on the SchoolImport for the status page.

Idempotent, as every task (portal/tasks.py retries a failed one): a rerun reads the same file
and `import_rows` creates only the schools still missing."""

import logging

from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from .import_checks import checked_rows
from .importing import ImportFileError
from .models import SchoolImport

logger = logging.getLogger(__name__)


def _record(pk, **fields):
    # An UPDATE of its own: committed at once (no transaction here), so a poll sees it.
    SchoolImport.objects.filter(pk=pk).update(**fields)


@task(queue_name="bulk")
def run_school_import(import_id):
    from .importing import import_rows

    job = SchoolImport.objects.select_related("created_by").filter(pk=import_id).first()
    if job is None or job.state == SchoolImport.State.DONE:
        return
    _record(job.pk, state=SchoolImport.State.RUNNING, errors=[])
    try:
        rows = checked_rows(job.file_name, bytes(job.content), job.created_by)
    except ImportFileError as error:
        _record(
            job.pk,
            state=SchoolImport.State.FAILED,
            errors=[str(e) for e in error.errors],
            finished_at=timezone.now(),
        )
        return
    _record(job.pk, total=len(rows), done=0)
    try:
        result = import_rows(rows, progress=lambda done, total: _record(job.pk, done=done))
    except Exception:
        logger.exception("School import %s failed", job.pk)
        _record(
            job.pk,
            state=SchoolImport.State.FAILED,
            errors=[
                _(
                    "Lỗi khi nhập; các trường đã tạo vẫn được giữ. Nhập lại cùng tệp để hoàn tất "
                    "phần còn lại."
                )
            ],
            finished_at=timezone.now(),
        )
        raise
    _record(
        job.pk,
        state=SchoolImport.State.DONE,
        done=len(rows),
        created=len(result.created),
        updated=len(result.updated),
        unchanged=len(result.unchanged),
        content=b"",
        finished_at=timezone.now(),
    )
