"""Scheduled work of the regulations app, as django-tasks tasks (the scheduler enqueues them)."""

from django_tasks import task

from .year_opening import open_due_school_years


@task()
def open_due_school_years_task():
    """Daily: open the school years whose opening day has come (see ``year_opening``)."""
    result = open_due_school_years()
    return {"opened": result.opened, "slots": result.slots}
