"""Moving an authority under another (re-parenting), and the kind an authority's name says.

An authority's materialised path ("SO-HCM/PGD-CUCHI/") is its ancestors' codes: a move rewrites
the path of the authority and of its whole subtree in one transaction, so scopes, rubrics and
blueprints that follow the tree see the new place at once."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext as _

from .models import Authority
from .vietnamese import fold


def infer_kind(name):
    """The kind a Vietnamese office name says, or None: "Sở …" is a Sở, "Phòng Giáo dục …" a
    Phòng GD&ĐT, "Phòng Văn hóa – Xã hội …" (or a commune's) a commune office."""
    folded = " ".join(fold(name).lower().split())
    if folded.startswith("so "):
        return Authority.Kind.SO
    if folded.startswith(("phong giao duc", "phong gd")):
        return Authority.Kind.PHONG
    if "van hoa" in folded or folded.startswith(("ubnd xa", "xa ", "phuong ")):
        return Authority.Kind.XA
    return None


@transaction.atomic
def move_authority(authority, parent):
    """Put `authority` (and its subtree) under `parent` (None: at the top). Refuses a move
    under itself or one of its own sub-offices. Returns whether anything changed."""
    if (parent.pk if parent else None) == authority.parent_id:
        return False
    if parent is not None and parent.path.startswith(authority.path):
        raise ValidationError(
            _("Không thể chuyển “%(name)s” vào chính nó hoặc một đơn vị trực thuộc nó.")
            % {"name": authority.name}
        )
    old_path = authority.path
    authority.parent = parent
    authority.save()  # recomputes its own path
    # The sub-offices: swap the old prefix for the new one.
    Authority.objects.filter(path__startswith=old_path).exclude(pk=authority.pk).update(
        path=Concat(Value(authority.path), Substr(F("path"), len(old_path) + 1))
    )
    return True
