"""What a school's text fields may hold, checked the same way by the import and the admin form.

- Lengths come from the model columns (a value that does not fit is an error here, never a
  database error later).
- Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) are removed: they are invisible, come
  from copy-paste, and would make two equal-looking codes differ.
- Full-width forms (０-９, Ａ-Ｚ, …, from Asian input methods) are normalised to ASCII in codes,
  slugs, levels, phones and e-mails (Unicode NFKC); names and addresses are only composed (NFC),
  so Vietnamese letters typed with combining marks compare equal to precomposed ones.
- Line breaks and tabs inside a cell (Alt+Enter in Excel) become one space; every other
  control or format character (NUL, bell, backspace, escape, bidi overrides, …) is refused.
- Names, principals and addresses may not start like a spreadsheet formula (=, +, -, @).
- Codes are letters, digits, "-" and "_" (no spaces, no "/" or ".."); slugs are DNS labels and
  not a reserved name."""

import re
import unicodedata

from django.utils.translation import gettext as _

from .models import Authority, School

# Host labels the portal or the office's own DNS needs: never a school's subdomain.
RESERVED_SLUGS = frozenset(
    {
        "www",
        "admin",
        "localhost",
        "static",
        "media",
        "api",
        "documents",
        "healthz",
        "mail",
        "smtp",
        "imap",
        "pop",
        "ftp",
        "ns1",
        "ns2",
        "dns",
        "cdn",
        "portal",
        "autodiscover",
        "webmail",
    }
)
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
LINE_BREAKS = re.compile(r"[\t\n\r\u2028\u2029]+")
FORMULA_START = ("=", "+", "-", "@")
CODE_PATTERN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?$")
# Fields normalised to ASCII (NFKC); the others are composed only (NFC).
ASCII_FIELDS = frozenset({"code", "level", "authority", "slug", "phone", "email"})
# Free text that spreadsheets would run as a formula.
PROSE_FIELDS = frozenset({"name", "address", "principal"})


def max_length(field):
    """The column width of a school field ("authority" is the office's code)."""
    if field == "authority":
        return Authority._meta.get_field("code").max_length
    return School._meta.get_field(field).max_length


def normalise(field, value):
    value = LINE_BREAKS.sub(" ", str(value or "").translate(ZERO_WIDTH))
    form = "NFKC" if field in ASCII_FIELDS else "NFC"
    return unicodedata.normalize(form, value).strip()


def _control_character(value):
    for character in value:
        if unicodedata.category(character) in ("Cc", "Cf", "Zl", "Zp"):
            return character
    return None


def field_error(field, value):
    """A Vietnamese message for a normalised value that may not be stored, or None."""
    bad = _control_character(value)
    if bad is not None:
        return _("Có ký tự điều khiển không cho phép (U+%(code)04X); hãy gõ lại ô này.") % {
            "code": ord(bad)
        }
    limit = max_length(field)
    if limit and len(value) > limit:
        return _("Dài %(length)d ký tự, tối đa %(limit)d.") % {
            "length": len(value),
            "limit": limit,
        }
    if field in PROSE_FIELDS and value.startswith(FORMULA_START):
        return _("Không được bắt đầu bằng “%(char)s” (giống công thức bảng tính).") % {
            "char": value[0]
        }
    if field in ("code", "authority") and value and not CODE_PATTERN.match(value):
        return _(
            "Mã “%(value)s” chỉ được gồm chữ cái không dấu, chữ số, “-” và “_” "
            "(không có khoảng trắng, “/” hay “.”)."
        ) % {"value": value}
    if field == "slug" and value.lower() in RESERVED_SLUGS:
        return _("“%(value)s” là tên dành riêng, không dùng làm tên miền con được.") % {
            "value": value
        }
    return None


def clean_fields(values):
    """Normalise a {field: value} mapping in place; returns {field: message} for errors."""
    errors = {}
    for field, value in values.items():
        values[field] = normalise(field, value)
        message = field_error(field, values[field])
        if message:
            errors[field] = message
    return errors
