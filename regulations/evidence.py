"""An immutable record of every publication of a disclosure item: what was published (revision,
file name, SHA-256 of the file and of the page content), when and by whom."""

import hashlib
import json
import logging
import os

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from wagtail.log_actions import get_active_log_context

from tenants.models import School

from .models import PublicationEvidence

logger = logging.getLogger(__name__)


def file_fingerprint(document):
    """(file name, size, sha256) of a Wagtail document; empty hash if the file is unreadable."""
    name = os.path.basename(document.file.name)
    digest = hashlib.sha256()
    size = 0
    try:
        with document.open_file() as handle:
            for chunk in iter(lambda: handle.read(1024 * 1024), b""):
                digest.update(chunk)
                size += len(chunk)
    except (OSError, ValueError):
        logger.warning("Disclosure evidence: cannot read document %s", document.pk)
        return name, None, ""
    return name, size, digest.hexdigest()


def content_fingerprint(revision, page):
    content = revision.content if revision is not None else {"title": page.title}
    encoded = json.dumps(content, sort_keys=True, cls=DjangoJSONEncoder).encode()
    return hashlib.sha256(encoded).hexdigest()


def record_publication(page, revision=None, user=None):
    """Write the evidence row for a publication of page (a DisclosureItemPage)."""
    school = School.for_page(page)
    if school is None:
        return None
    parent = page.get_parent().specific
    user = user or get_active_log_context().user or (revision.user if revision else None)
    if user is not None and not getattr(user, "pk", None):
        user = None
    file_name, file_size, file_sha = "", None, ""
    if page.file_id:
        file_name, file_size, file_sha = file_fingerprint(page.file)
    root_url_path = school.root_page.url_path if school.root_page_id else "/"
    url = school.root_url + page.url_path[len(root_url_path) - 1 :]
    return PublicationEvidence.objects.create(
        school=school,
        school_year=getattr(parent, "school_year", ""),
        item_code=page.item_code,
        page_id=page.pk,
        page_title=page.title[:255],
        url=url[:500],
        revision_id=revision.pk if revision else None,
        file_name=file_name[:255],
        file_size=file_size,
        file_sha256=file_sha,
        content_sha256=content_fingerprint(revision, page),
        published_at=page.last_published_at or timezone.now(),
        user=user,
        username=user.get_username() if user else "",
    )
