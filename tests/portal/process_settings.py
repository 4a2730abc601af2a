"""Settings of the processes started by tests/portal/test_real_processes.py: production's, with
a schedule of two jobs whose periods are seconds, so two schedulers race within a test."""

from portal.settings.production import *  # noqa: F403

PORTAL_SCHEDULE = [
    {"name": "job_a", "task": "tests.portal.sample_tasks.tick_job_a", "every_seconds": 2},
    {"name": "job_b", "task": "tests.portal.sample_tasks.tick_job_b", "every_seconds": 3},
]
