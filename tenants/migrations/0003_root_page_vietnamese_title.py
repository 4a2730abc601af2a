from django.db import migrations

TITLE = "Tất cả các trang web"


def name_root(apps, schema_editor):
    """Wagtail's root page is called "Root": an office admin's explorer showed it as the page's
    heading and again in its trail. It holds every site of the instance: say so in Vietnamese."""
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title="Root").update(title=TITLE, draft_title=TITLE)


def unname_root(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title=TITLE).update(title="Root", draft_title="Root")


class Migration(migrations.Migration):
    dependencies = [
        ("tenants", "0002_remove_wagtail_welcome_site"),
    ]

    operations = [migrations.RunPython(name_root, unname_root)]
