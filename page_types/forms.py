"""Upload checks for the admin's image and document forms (WAGTAILIMAGES_IMAGE_FORM_BASE,
WAGTAILDOCS_DOCUMENT_FORM_BASE): only the formats schools publish, within the size limits,
and the content must really be what the extension says, so a renamed program is refused.

Every refusal names the file and the reason in Vietnamese; Wagtail's own messages are
replaced because its Vietnamese catalogue lacks them."""

import os
import struct
import zipfile

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

ALT_TEXT_LABEL = gettext_lazy("Mô tả ảnh (văn bản thay thế cho người khiếm thị)")
ALT_TEXT_HELP = gettext_lazy(
    "Một câu tả nội dung ảnh, ví dụ “Học sinh lớp 5A trồng cây ở sân trường”. "
    "Trình đọc màn hình đọc câu này cho người khiếm thị."
)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# What each allowed document extension must contain. Legacy Office files share one container
# format (OLE) whose inner layout varies by producer, so the container is what we check.
ZIP_MEMBERS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
ODF_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
TYPE_NAMES = {"exe": "chương trình (EXE)", "elf": "chương trình (ELF)", "zip": "nén ZIP"}


def _extension(name):
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def _read(upload, size=-1):
    upload.seek(0)
    data = upload.read(size)
    upload.seek(0)
    return data


def _content_matches(extension, upload):
    """Whether the bytes of the upload are a file of this extension."""
    head = _read(upload, 8192)
    if extension == "pdf":
        # Some producers write a few bytes before the header; readers accept up to 1 KB.
        return b"%PDF-" in head[:1024]
    if extension in ("doc", "xls", "ppt"):
        return head.startswith(OLE_MAGIC)
    if extension in ZIP_MEMBERS or extension in ODF_MIMETYPES:
        return head.startswith(b"PK\x03\x04") and _zip_matches(extension, upload)
    return False


def _zip_matches(extension, upload):
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if extension in ZIP_MEMBERS:
                return ZIP_MEMBERS[extension] in names
            return (
                "mimetype" in names and archive.read("mimetype").strip() == ODF_MIMETYPES[extension]
            )
    except (zipfile.BadZipFile, OSError, KeyError):
        return False
    finally:
        upload.seek(0)


def _real_type(upload):
    """A short description of what the file really is, when it can be told."""
    kind = filetype.guess(_read(upload, 8192))
    if kind is None:
        return ""
    return TYPE_NAMES.get(kind.extension, kind.extension.upper())


class FileNamedErrorsMixin:
    """Keep one clear reason per refused file and put the file's name in front of it."""

    def full_clean(self):
        super().full_clean()
        if not self._errors or "file" not in self._errors:
            return
        upload = self.files.get(self.add_prefix("file"))
        name = getattr(upload, "name", "") or ""
        reason = self._errors["file"][0]
        if upload is not None and _extension(name) not in self.allowed_extensions():
            # The most useful reason first: a wrong extension explains everything else.
            reason = self.extension_message(name)
        if name:
            reason = _("Tệp “%(name)s” bị từ chối: %(reason)s") % {"name": name, "reason": reason}
        self._errors["file"] = ErrorList([reason])
        self.cleaned_data.pop("file", None)

    def allowed_extensions(self):
        # Each concrete form (documents, images) names its own list; none by default.
        return []

    def allowed_text(self):
        return ", ".join(e.upper() for e in self.allowed_extensions())

    def extension_message(self, name):
        extension = _extension(name)
        allowed = self.allowed_text()
        if not extension:
            return _("tệp không có đuôi; chỉ nhận %(allowed)s.") % {"allowed": allowed}
        return _("không nhận tệp .%(extension)s; chỉ nhận %(allowed)s.") % {
            "extension": extension,
            "allowed": allowed,
        }


class PortalDocumentForm(FileNamedErrorsMixin, BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            limit = filesizeformat(settings.PORTAL_DOCUMENT_MAX_UPLOAD_SIZE)
            field.error_messages["file_too_large"] = _(
                "dung lượng %(file_size)s vượt quá giới hạn %(max_filesize)s."
            )
            field.error_messages["file_too_large_unknown_size"] = _(
                "tệp quá lớn; giới hạn %(max_filesize)s."
            ) % {"max_filesize": limit}
            field.error_messages["empty"] = _("tệp rỗng.")
            field.help_text = _("Nhận %(allowed)s, tối đa %(limit)s.") % {
                "allowed": self.allowed_text(),
                "limit": limit,
            }

    def allowed_extensions(self):
        return [e.lower() for e in settings.WAGTAILDOCS_EXTENSIONS]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None or "file" not in self.changed_data:
            return upload
        extension = _extension(upload.name)
        if extension not in self.allowed_extensions():
            raise ValidationError(self.extension_message(upload.name), code="extension")
        if upload.size > settings.PORTAL_DOCUMENT_MAX_UPLOAD_SIZE:
            raise ValidationError(
                _("dung lượng %(file_size)s vượt quá giới hạn %(max_filesize)s.")
                % {
                    "file_size": filesizeformat(upload.size),
                    "max_filesize": filesizeformat(settings.PORTAL_DOCUMENT_MAX_UPLOAD_SIZE),
                },
                code="file_too_large",
            )
        if not _content_matches(extension, upload):
            real = _real_type(upload)
            if real:
                message = _(
                    "nội dung không phải tệp .%(extension)s mà là tệp %(real)s "
                    "(có thể đã bị đổi đuôi)."
                ) % {"extension": extension, "real": real}
            else:
                message = _(
                    "nội dung không phải tệp .%(extension)s hợp lệ (tệp hỏng hoặc đã bị đổi đuôi)."
                ) % {"extension": extension}
            raise ValidationError(message, code="content_mismatch")
        return upload


def complete_image(to_python):
    """Wagtail's image field reads the header only, and a truncated or corrupt body then fails
    in its size check or later in a rendition (a 500, on single and multiple upload alike).
    Wrap the field's to_python: its errors become a message, and the whole image is decoded
    once so a broken body is refused here."""

    def checked(data):
        from PIL import Image as PILImage

        try:
            upload = to_python(data)
            if upload is None:
                return None
            upload.seek(0)
            with PILImage.open(upload) as image:
                image.load()
        except ValidationError:
            raise
        except (OSError, SyntaxError, ValueError, struct.error) as error:
            raise ValidationError(
                _("tệp ảnh bị hỏng hoặc không đầy đủ (có thể tải lên bị ngắt giữa chừng)."),
                code="invalid_image",
            ) from error
        upload.seek(0)
        return upload

    return checked


class PortalImageForm(FileNamedErrorsMixin, BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        description = self.fields.get("description")
        if description is not None:
            # Alt text for every image: parents using screen readers rely on it.
            description.required = True
            description.label = ALT_TEXT_LABEL
            description.help_text = ALT_TEXT_HELP
            description.error_messages["required"] = _(
                "Hãy nhập mô tả ảnh: người khiếm thị nghe mô tả này thay cho ảnh."
            )
        field = self.fields.get("file")
        if field is not None:
            allowed = self.allowed_text()
            limit = filesizeformat(field.max_upload_size)
            field.error_messages.update(
                {
                    "invalid_image": _("đây không phải ảnh hợp lệ hoặc tệp ảnh bị hỏng."),
                    "invalid_image_extension": _("chỉ nhận %(allowed)s.") % {"allowed": allowed},
                    "invalid_image_known_format": _(
                        "nội dung là ảnh %(image_format)s, không khớp với đuôi "
                        ".%(extension)s (có thể đã bị đổi đuôi)."
                    ),
                    "file_too_large": _(
                        "dung lượng %(file_size)s vượt quá giới hạn %(max_filesize)s."
                    ),
                    "file_too_large_unknown_size": _("tệp quá lớn; giới hạn %(max_filesize)s.")
                    % {"max_filesize": limit},
                    "file_too_many_pixels": _(
                        "ảnh quá nhiều điểm ảnh (%(num_pixels)s); tối đa %(max_pixels_count)s. "
                        "Hãy thu nhỏ ảnh trước khi tải lên."
                    ),
                    "empty": _("tệp rỗng."),
                }
            )
            field.help_text = _("Nhận %(allowed)s, tối đa %(limit)s.") % {
                "allowed": allowed,
                "limit": limit,
            }
            field.to_python = complete_image(field.to_python)

    def allowed_extensions(self):
        from wagtail.images.utils import get_allowed_image_extensions

        return [e.lower() for e in get_allowed_image_extensions()]

    def allowed_text(self):
        return _("ảnh %(formats)s") % {"formats": super().allowed_text()}
