"""Uploaded images without a proxy (the app's media route), the proxy's TLS host check, and the
production settings' optional blocks."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from tests.page_types.public_content import make_image

ROOT = Path(__file__).resolve().parents[2]


def test_the_app_serves_uploaded_images_but_never_document_files(client, school):
    image = make_image(school, title="Sân trường")
    url = image.file.url
    assert url.startswith("/media/original_images/")
    response = client.get(url, HTTP_HOST=school.hostname)
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"
    assert "max-age=86400" in response["Cache-Control"]
    rendition = image.get_rendition("width-300")
    assert client.get(rendition.url, HTTP_HOST=school.hostname).status_code == 200

    documents = Path(settings.MEDIA_ROOT) / "documents"
    documents.mkdir(parents=True, exist_ok=True)
    (documents / "rieng-tu.pdf").write_bytes(b"%PDF-1.4 private")
    assert client.get("/media/documents/rieng-tu.pdf", HTTP_HOST=school.hostname).status_code == 404
    assert client.get("/media/images/../../portal/settings/base.py").status_code == 404


def test_certificates_only_for_known_hosts(client, school):
    allowed = client.get(f"/healthz/tls?domain={school.hostname}", HTTP_HOST="web")
    assert allowed.status_code == 200
    assert client.get("/healthz/tls?domain=portal.test", HTTP_HOST="web").status_code == 200
    assert client.get("/healthz/tls?domain=la.example", HTTP_HOST="web").status_code == 404
    assert client.get("/healthz/tls", HTTP_HOST="web").status_code == 404


def production_settings(**env):
    """The production settings under `env`, read in a fresh process (settings only: the S3
    backend's boto3 is an optional extra, not installed here)."""
    code = (
        "import json; from django.conf import settings as s; "
        "print(json.dumps({'storage': s.STORAGES['default'], 'media': s.PORTAL_SERVE_MEDIA, "
        "'cdn': getattr(s, 'WAGTAILFRONTENDCACHE', None), 'tasks': s.TASKS['default']['BACKEND'], "
        "'apps': 'wagtail.contrib.frontend_cache' in s.INSTALLED_APPS}))"
    )
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "FRONTEND_"))},
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "x" * 50,
        **env,
    }
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_production_media_on_s3_and_cdn_invalidation_are_opt_in():
    plain = production_settings()
    assert plain["storage"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert plain["media"] is True and plain["cdn"] is None and not plain["apps"]
    assert plain["tasks"] == "django_tasks_db.DatabaseBackend"

    s3 = production_settings(
        AWS_STORAGE_BUCKET_NAME="portal-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.vn",
        FRONTEND_CACHE="cloudflare",
        CLOUDFLARE_BEARER_TOKEN="token",
        CLOUDFLARE_ZONE_ID="zone",
    )
    assert s3["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert s3["storage"]["OPTIONS"]["bucket_name"] == "portal-media"
    assert s3["storage"]["OPTIONS"]["endpoint_url"] == "https://s3.example.vn"
    assert s3["media"] is False  # the bucket serves images; no media route
    assert s3["apps"]
    assert s3["cdn"]["default"]["BACKEND"].endswith("CloudflareBackend")
    assert s3["cdn"]["default"]["ZONEID"] == "zone"
