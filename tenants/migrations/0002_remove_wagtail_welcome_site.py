from django.db import migrations


def remove_welcome_site(apps, schema_editor):
    """Wagtail's first migration makes a "Welcome" page and a localhost site. The office site
    takes PORTAL_DOMAIN instead, and unknown hosts must not fall back to that page."""
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    ContentType = apps.get_model("contenttypes", "ContentType")
    page_type = ContentType.objects.filter(app_label="wagtailcore", model="page").first()
    if page_type is None:
        return
    welcome = Page.objects.filter(depth=2, slug="home", content_type=page_type)
    Site.objects.filter(root_page__in=welcome).delete()
    for page in welcome:
        if not Page.objects.filter(path__startswith=page.path, depth__gt=2).exists():
            page.delete()
            root = Page.objects.get(depth=1)
            root.numchild = Page.objects.filter(depth=2).count()
            root.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("tenants", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(remove_welcome_site, migrations.RunPython.noop)]
