"""Office admins hold their rights over their schools through the authority tree: delete the
per-school rows provisioning used to write for them (the rights stay, now derived by
`tenants/isolation/office_rights.py`). Backwards, the rows are written again.

Only rows the derivation gives are deleted: an office admins group's OFFICE_ADMIN_PAGE_PERMISSIONS
on the root page of a school at or below its authority, and its MEDIA_PERMISSIONS on such a
school's collection. Anything else an installation granted (another page, another group, another
codename, a school outside the office) stays. Data only, set-based SQL (one statement per table
and direction, whatever the number of schools). Self-contained: its own copy of the codenames."""

from django.db import migrations

OFFICE_ADMIN_PAGE_PERMISSIONS = (
    ("wagtailcore", "add_page"),
    ("wagtailcore", "change_page"),
    ("wagtailcore", "publish_page"),
    ("wagtailcore", "lock_page"),
    ("wagtailcore", "unlock_page"),
)
MEDIA_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)
# (permission model, its node column, the school's column for that node, the codenames)
TABLES = (
    ("GroupPagePermission", "page_id", "root_page_id", OFFICE_ADMIN_PAGE_PERMISSIONS),
    ("GroupCollectionPermission", "collection_id", "collection_id", MEDIA_PERMISSIONS),
)


def _names(apps, schema_editor):
    quote = schema_editor.connection.ops.quote_name

    def table(app, model):
        return quote(apps.get_model(app, model)._meta.db_table)

    return {
        "school": table("tenants", "School"),
        "authority": table("tenants", "Authority"),
        "permission": table("auth", "Permission"),
        "content_type": table("contenttypes", "ContentType"),
    }, table


def _permission_filter(pairs):
    clause = " OR ".join(["(ct.app_label = %s AND p.codename = %s)"] * len(pairs))
    return f"({clause})", [value for pair in pairs for value in pair]


def _office_grants(names, school_node, pairs):
    """SELECT (group, node, permission) of every office admins group, school at or below its
    authority and codename: the rows the derivation gives."""
    where, params = _permission_filter(pairs)
    sql = f"""
        SELECT a.admins_group_id AS group_id, s.{school_node} AS node_id, p.id AS permission_id
        FROM {names["school"]} s
        JOIN {names["authority"]} sa ON sa.id = s.authority_id
        JOIN {names["authority"]} a ON substr(sa.path, 1, length(a.path)) = a.path
        CROSS JOIN {names["permission"]} p
        JOIN {names["content_type"]} ct ON ct.id = p.content_type_id
        WHERE a.admins_group_id IS NOT NULL AND s.{school_node} IS NOT NULL AND {where}
    """
    return sql, params


def _analyze(cursor, names, table, vendor):
    """Fresh planner statistics first: on a database just imported (or copied) PostgreSQL
    still believes these tables hold a row each, and joined the collection rows to every school
    (2 million rows, 9 s at 3,500 schools instead of under a second)."""
    if vendor != "postgresql":
        return
    for model in TABLES:
        cursor.execute(f"ANALYZE {table('wagtailcore', model[0])}")
    cursor.execute(f"ANALYZE {names['school']}")
    cursor.execute(f"ANALYZE {names['authority']}")


def forget_office_rows(apps, schema_editor):
    names, table = _names(apps, schema_editor)
    with schema_editor.connection.cursor() as cursor:
        _analyze(cursor, names, table, schema_editor.connection.vendor)
        for model, node, school_node, pairs in TABLES:
            where, params = _permission_filter(pairs)
            rows = table("wagtailcore", model)
            # The (admins group, school node) pairs are a few thousand (schools × offices
            # above them), hashed once: a join, not a lookup per permission row.
            cursor.execute(
                f"""DELETE FROM {rows} WHERE permission_id IN (
                    SELECT p.id FROM {names["permission"]} p
                    JOIN {names["content_type"]} ct ON ct.id = p.content_type_id
                    WHERE {where}
                ) AND (group_id, {node}) IN (
                    SELECT a.admins_group_id, s.{school_node} FROM {names["school"]} s
                    JOIN {names["authority"]} sa ON sa.id = s.authority_id
                    JOIN {names["authority"]} a ON substr(sa.path, 1, length(a.path)) = a.path
                    WHERE a.admins_group_id IS NOT NULL AND s.{school_node} IS NOT NULL
                )""",
                params,
            )


def restore_office_rows(apps, schema_editor):
    names, table = _names(apps, schema_editor)
    with schema_editor.connection.cursor() as cursor:
        _analyze(cursor, names, table, schema_editor.connection.vendor)
        for model, node, school_node, pairs in TABLES:
            grants, params = _office_grants(names, school_node, pairs)
            rows = table("wagtailcore", model)
            # Wagtail's unique (group, node, permission) skips the rows already there (an
            # anti-join here was planned as a merge on the group alone: 2 minutes at 3,500
            # schools). "WHERE true" lets SQLite parse ON CONFLICT after a SELECT.
            cursor.execute(
                f"""INSERT INTO {rows} (group_id, {node}, permission_id)
                SELECT o.group_id, o.node_id, o.permission_id FROM ({grants}) o WHERE true
                ON CONFLICT DO NOTHING""",
                params,
            )


class Migration(migrations.Migration):
    dependencies = [
        ("tenants", "0004_school_import_progress"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forget_office_rows, restore_office_rows)]
