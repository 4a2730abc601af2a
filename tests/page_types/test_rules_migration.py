"""The migrations that give the blueprint and the rubric an owner keep today's data as the
instance default: the rows an office added before stay, owned by nobody, and schools keep
following them."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# Real migrations on the test database: a transactional test; serialized_rollback restores the
# rows other tests expect (the seeded blueprint and rubric) after the flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _node(executor, app, suffix):
    """The migration of `app` whose name ends with `suffix`, and the one before it."""
    names = sorted(name for label, name in executor.loader.disk_migrations if label == app)
    name = next(n for n in names if n.endswith(suffix))
    return (app, names[names.index(name) - 1]), (app, name)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def test_existing_blueprint_rows_and_rubrics_become_the_instance_default():
    executor = MigrationExecutor(connection)
    leaf_targets = executor.loader.graph.leaf_nodes()
    blueprint_before, blueprint_owner = _node(executor, "page_types", "_blueprint_owner")
    rubric_before, rubric_owner = _node(executor, "audit", "_rubric_owner")
    try:
        old = _migrate([blueprint_before, rubric_before])
        section = old.get_model("page_types", "BlueprintSection")
        section.objects.create(
            slug="cau-lac-bo", title="Câu lạc bộ", page_type="page_types.StandardPage"
        )
        rubric = old.get_model("audit", "Rubric")
        last = rubric.objects.order_by("-version").first()
        rubric.objects.create(code="default", version=last.version + 1, posts_target=30)
        rows_before = section.objects.count()

        new = _migrate([blueprint_owner, rubric_owner])
        section = new.get_model("page_types", "BlueprintSection")
        assert section.objects.count() == rows_before
        assert not section.objects.filter(owner__isnull=False).exists()
        assert section.objects.filter(slug="cau-lac-bo", owner=None, parent=None).exists()
        rubric = new.get_model("audit", "Rubric")
        assert not rubric.objects.filter(owner__isnull=False).exists()
        newest = rubric.objects.order_by("-version").first()
        assert (newest.code, newest.posts_target, newest.owner_id) == ("default", 30, None)
    finally:
        _migrate(leaf_targets)
