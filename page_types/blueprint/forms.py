"""The blueprint section form: what an office admin may change, with reasons in Vietnamese."""

from django.apps import apps
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from ..models.blueprint import ADDABLE_PAGE_TYPES, BlueprintSection, LevelUse
from .seed import DEFAULT_BLUEPRINT, level_fields

# Structural fields: code refers to built-in sections by slug and page type, and schools'
# MandatedSection rows by key, so these are fixed once a section is built in or built anywhere.
STRUCTURAL_FIELDS = ("parent", "slug", "page_type")
# Top-level paths the portal itself serves on every host (portal/urls.py): a page there is
# unreachable.
RESERVED_SLUGS = frozenset({"admin", "documents", "healthz", "static", "media"})
LEVEL_FIELDS = ("for_mn", "for_th", "for_thcs")


def _seed_sections():
    """{key: Section} of the shipped blueprint."""
    found = {}

    def walk(sections, prefix=""):
        for section in sections:
            found[prefix + section.slug] = section
            walk(section.children, prefix + section.slug + "/")

    walk(DEFAULT_BLUEPRINT)
    return found


def schools_with_section(key, owner=None):
    """How many of the schools following `owner`'s blueprint have the section built."""
    from ..models import MandatedSection
    from .ownership import schools_following

    return MandatedSection.objects.filter(school__in=schools_following(owner), key=key).count()


class BlueprintSectionForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        row = self.instance
        if "parent" in self.fields:
            parents = BlueprintSection.objects.filter(parent=None, owner_id=row.owner_id).order_by(
                "sort_order", "pk"
            )
            self.fields["parent"].queryset = parents.exclude(pk=row.pk) if row.pk else parents
        if "page_type" in self.fields and not row.built_in:
            self.fields["page_type"].choices = [("", "---------"), *ADDABLE_PAGE_TYPES]
        self.lock_reason = None
        if row.built_in:
            self.lock_reason = _(
                "Mục có sẵn: mã nguồn của cổng dùng tới đường dẫn và loại trang của mục này."
            )
        elif row.pk and (count := schools_with_section(row.key, row.owner_id)):
            self.lock_reason = _(
                "Mục đã được tạo ở %(count)s trường: đổi nữa thì các trường sẽ có hai trang."
            ) % {"count": count}
        if self.lock_reason:
            for name in STRUCTURAL_FIELDS:
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = self.lock_reason

    def clean(self):
        cleaned = super().clean()
        self._refuse_structural_changes()
        self._check_parent()
        self._check_slug()
        self._check_page_type()
        self._check_built_in_levels()
        return cleaned

    def _refuse_structural_changes(self):
        # Disabled fields ignore what is posted; say so instead of silently keeping the value.
        if not self.lock_reason:
            return
        for name in STRUCTURAL_FIELDS:
            posted = self.data.get(self.add_prefix(name))
            if posted is None or name not in self.fields:
                continue
            current = self.initial.get(name)
            if str(posted) != ("" if current is None else str(current)):
                self.add_error(
                    name,
                    _("Không đổi được %(field)s của mục “%(title)s”. %(reason)s")
                    % {
                        "field": self.fields[name].label.lower(),
                        "title": self.instance.title,
                        "reason": self.lock_reason,
                    },
                )

    def _check_parent(self):
        parent = self.cleaned_data.get("parent")
        if parent is None or not self.instance.pk:
            return
        if self.instance.children.exists():
            self.add_error(
                "parent",
                _("Mục “%(title)s” đang có mục con nên phải là mục cấp một (để trống mục cha).")
                % {"title": self.instance.title},
            )

    def _check_slug(self):
        slug = self.cleaned_data.get("slug")
        if not slug or "parent" in self.errors:
            return
        parent = self.cleaned_data.get("parent")
        if parent is None and slug in RESERVED_SLUGS:
            self.add_error(
                "slug",
                _(
                    "Đường dẫn “%(slug)s” trùng với địa chỉ dành riêng của cổng; chọn đường dẫn khác."
                )
                % {"slug": slug},
            )
            return
        sibling = (
            BlueprintSection.objects.filter(
                parent=parent, slug=slug, owner_id=self.instance.owner_id
            )
            .exclude(pk=self.instance.pk)
            .first()
        )
        if sibling is not None:
            self.add_error(
                "slug",
                _("Đường dẫn “%(slug)s” đã dùng cho mục “%(title)s” cùng cấp; chọn đường dẫn khác.")
                % {"slug": slug, "title": sibling.title},
            )

    def _check_page_type(self):
        page_type = self.cleaned_data.get("page_type")
        if not page_type or "parent" in self.errors:
            return
        parent = self.cleaned_data.get("parent")
        model = apps.get_model(page_type)
        parent_model = apps.get_model(parent.page_type if parent else "page_types.SchoolHomePage")
        if model not in parent_model.allowed_subpage_models():
            where = (
                _("mục “%(title)s”") % {"title": parent.title}
                if parent
                else _("trang chủ của trường")
            )
            self.add_error(
                "page_type",
                _("Loại trang “%(type)s” không đặt được dưới %(where)s; chọn loại trang khác.")
                % {"type": model._meta.verbose_name, "where": where},
            )

    def _check_built_in_levels(self):
        """A built-in section stays in every level it is shipped for: code expects its page."""
        if not self.instance.built_in:
            return
        seed = _seed_sections().get(self.instance.key)
        if seed is None:
            return
        shipped = level_fields(seed)
        for name in LEVEL_FIELDS:
            if self.cleaned_data.get(name) == LevelUse.NONE and shipped[name] != LevelUse.NONE:
                self.add_error(
                    name,
                    _(
                        "Mục có sẵn “%(title)s” luôn có ở cấp %(level)s; chỉ chọn "
                        "“Bắt buộc” hoặc “Tùy chọn”."
                    )
                    % {"title": self.instance.title, "level": self.fields[name].label},
                )


def _display(form, name, value):
    field = form.fields[name]
    if value is None or value == "":
        return _("khi cần") if name == "cadence_days" else _("(trống)")
    if isinstance(value, bool):
        return _("có") if value else _("không")
    if isinstance(value, BlueprintSection):
        return value.title
    if name == "parent":
        row = BlueprintSection.objects.filter(pk=value).first()
        return row.title if row else str(value)
    choices = dict(getattr(field, "choices", None) or ())
    return str(choices.get(value, value))


def describe_changes(form):
    """[{"field", "from", "to"}] of what an edit changed, for the change log."""
    changes = []
    for name in form.changed_data:
        changes.append(
            {
                "field": str(form.fields[name].label),
                "from": str(_display(form, name, form.initial.get(name))),
                "to": str(_display(form, name, form.cleaned_data.get(name))),
            }
        )
    return changes
