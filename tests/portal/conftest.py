"""The database queue and its worker, inside the test's transaction."""

import pytest
from django.core.management import call_command

DATABASE_TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "mail", "bulk"],
    }
}


@pytest.fixture
def db_queue(settings, db):
    """The production configuration: the database backend, enqueued after commit."""
    settings.TASKS = DATABASE_TASKS
    settings.PORTAL_TASKS_AFTER_COMMIT = True
    settings.PORTAL_TASK_RETRY_SECONDS = 0  # retries are due at once: one worker pass runs them
    return settings


@pytest.fixture
def run_worker(db_queue, monkeypatch):
    """run_worker() runs django-tasks-db's own worker until no task is due."""
    from django_tasks_db.management.commands import db_worker

    # The worker drops connections left in a transaction; the test's own must stay open.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run():
        call_command(
            "db_worker",
            "--batch",
            "--no-startup-delay",
            "--no-reload",
            "--queue-name",
            "*",
            verbosity=0,
        )

    return run
