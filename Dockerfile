# Slim production image: gunicorn + whitenoise, non-root, health check on /healthz.
# One image for every role of compose.yaml: web (the default command), worker, scheduler and the
# one-shot migrate service. Migrations are not run here: `docker run` users run them once with
# `docker run … school-portal sh -c 'python manage.py migrate && python manage.py createcachetable'`, compose runs its `migrate` service.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
# EXTRAS=s3 adds boto3 for media on S3-compatible storage.
ARG EXTRAS=""
WORKDIR /app
COPY pyproject.toml ./
# The project declares no packages of its own: this installs just the pinned dependencies.
RUN python -m venv /venv && /venv/bin/pip install --upgrade pip \
    && /venv/bin/pip install ".${EXTRAS:+[$EXTRAS]}"

FROM python:3.11-slim
ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 PATH="/venv/bin:$PATH" \
    DJANGO_SETTINGS_MODULE=portal.settings.production PORT=8000 MEDIA_ROOT=/data/media
RUN useradd --create-home --uid 1000 portal && mkdir -p /data/media && chown -R portal /data
COPY --from=build /venv /venv
WORKDIR /app
COPY --chown=portal:portal . .
USER portal
# collectstatic needs settings but no secrets or database; as `portal`, so the compose `migrate`
# service can refresh the shared static volume the image seeds.
RUN SECRET_KEY=build-only python manage.py collectstatic --noinput -v0
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os,urllib.request,sys; r=urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT','8000'), timeout=4); sys.exit(0 if r.status == 200 else 1)"
CMD ["sh", "-c", "exec gunicorn portal.wsgi:application --bind 0.0.0.0:${PORT} --workers ${WEB_CONCURRENCY:-3} --access-logfile - --forwarded-allow-ips='*'"]
