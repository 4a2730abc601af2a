"""Fields several post types share."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField

from ..blocks import AttachmentBlock, BodyBlock, FigureBlock


def today():
    return timezone.localdate()


def body_field(**kwargs):
    return StreamField(BodyBlock(), verbose_name=_("nội dung"), blank=True, **kwargs)


def attachments_field():
    return StreamField(
        [("attachment", AttachmentBlock())], verbose_name=_("tệp đính kèm"), blank=True
    )


def gallery_field(verbose_name=None):
    return StreamField(
        [("figure", FigureBlock())], verbose_name=verbose_name or _("bộ ảnh"), blank=True
    )


def displayed_date_field(verbose_name=None):
    # Shown to readers and editable; the audit never trusts it (it reads the publication log).
    return models.DateField(verbose_name or _("ngày đăng"), default=today)
