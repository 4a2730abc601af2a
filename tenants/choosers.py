"""Searchable choosers of schools and authorities, limited to the user's scope.

A province admin reaches thousands of schools: a listing's filter cannot list them as
checkboxes, so the listings offer a chooser instead (a modal with a search box and pages of 20,
`tenants/admin_filters.py`). Every query here is bounded: a page of rows, one count, the chosen
row; a user only ever finds the schools (authorities) of their own scope."""

from django import forms
from django.db.models import Q
from django.http import Http404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView, ChosenView
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets.chooser import BaseChooser

from .isolation.registry import filter_for_scope
from .isolation.scope import scope_for_user
from .models import Authority, School

PER_PAGE = 20


def scoped_schools(user):
    return filter_for_scope(scope_for_user(user), School.objects.all())


def scoped_authorities(user):
    return filter_for_scope(scope_for_user(user), Authority.objects.all())


class _SearchForm(BaseFilterForm):
    """A plain search box (schools and authorities are not in Wagtail's search index): a few
    `icontains` lookups on short columns, one page of results."""

    q = forms.CharField(label=_("Tìm kiếm"), required=False)
    search_lookups = ()

    def filter(self, objects):
        objects = super().filter(objects)
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            condition = Q()
            for lookup in self.search_lookups:
                condition |= Q(**{lookup: query})
            objects = objects.filter(condition)
            self.is_searching = True
            self.search_query = query
        return objects


class SchoolSearchForm(_SearchForm):
    search_lookups = ("name__icontains", "code__icontains", "authority__name__icontains")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs["placeholder"] = _("Tìm trường…")


class AuthoritySearchForm(_SearchForm):
    search_lookups = ("name__icontains", "code__icontains")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs["placeholder"] = _("Tìm đơn vị…")


class _ScopedChooseMixin:
    """Rows of the user's scope only (the isolation middleware scopes choosers too; this keeps
    the viewset safe on its own, superusers included in what Wagtail lets them see)."""

    scoped_rows = None  # user -> queryset
    select_related = ()
    extra_columns = ()

    def get_object_list(self):
        return type(self).scoped_rows(self.request.user).select_related(*self.select_related)

    @property
    def title_column(self):
        column = super().title_column
        column.label = _("Tên")  # Wagtail's "Title" names a page's or image's heading
        return column

    @property
    def columns(self):
        return super().columns + [
            Column(name, label=label, accessor=accessor)
            for name, label, accessor in self.extra_columns
        ]

    def can_create(self):
        return False  # schools are provisioned (tenants/provisioning.py), never made here


def _authority_name(school):
    return school.authority.name if school.authority_id else ""


class _SchoolChoose(_ScopedChooseMixin):
    scoped_rows = staticmethod(scoped_schools)
    select_related = ("authority",)
    filter_form_class = SchoolSearchForm
    ordering = ("name", "pk")
    extra_columns = (
        ("code", _("Mã trường"), "code"),
        ("authority", _("Đơn vị quản lý"), _authority_name),
    )


class _AuthorityChoose(_ScopedChooseMixin):
    scoped_rows = staticmethod(scoped_authorities)
    filter_form_class = AuthoritySearchForm
    ordering = ("path",)
    extra_columns = (("code", _("Mã đơn vị"), "code"),)


class SchoolChooseView(_SchoolChoose, ChooseView):
    pass


class SchoolChooseResultsView(_SchoolChoose, ChooseResultsView):
    pass


class AuthorityChooseView(_AuthorityChoose, ChooseView):
    pass


class AuthorityChooseResultsView(_AuthorityChoose, ChooseResultsView):
    pass


class _ScopedChosenView(ChosenView):
    scoped_rows = None

    def get_object(self, pk):
        item = type(self).scoped_rows(self.request.user).filter(pk=_int(pk)).first()
        if item is None:
            raise Http404  # another tenant's id: not confirmed to exist
        return item


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class SchoolChosenView(_ScopedChosenView):
    scoped_rows = staticmethod(scoped_schools)


class AuthorityChosenView(_ScopedChosenView):
    scoped_rows = staticmethod(scoped_authorities)


class ScopedChooserWidget(BaseChooser):
    """The chooser widget of a listing filter: the chosen row is read within `queryset` (the
    user's scope), so an id typed into the URL never shows another tenant's name."""

    show_edit_link = False
    queryset = None

    def __init__(self, queryset=None, **kwargs):
        super().__init__(**kwargs)
        self.queryset = queryset

    def get_instance(self, value):
        if value is None or value == "":
            return None
        if isinstance(value, self.model_class):
            return value
        rows = self.queryset if self.queryset is not None else self.model_class.objects.none()
        return rows.filter(pk=_int(value)).first()


class _ScopedChooserViewSet(ChooserViewSet):
    base_widget_class = ScopedChooserWidget
    register_widget = False  # only the listing filters use it, not model forms
    per_page = PER_PAGE

    def get_urlpatterns(self):
        # No "create" or "chosen multiple" routes: nothing is created here, one row is chosen.
        return [
            path("", self.choose_view, name="choose"),
            path("results/", self.choose_results_view, name="choose_results"),
            path("chosen/<str:pk>/", self.chosen_view, name="chosen"),
        ]


class SchoolChooserViewSet(_ScopedChooserViewSet):
    model = School
    icon = "site"
    choose_one_text = _("Chọn trường")
    choose_another_text = _("Chọn trường khác")
    page_title = _("Chọn trường")
    choose_view_class = SchoolChooseView
    choose_results_view_class = SchoolChooseResultsView
    chosen_view_class = SchoolChosenView


class AuthorityChooserViewSet(_ScopedChooserViewSet):
    model = Authority
    icon = "group"
    choose_one_text = _("Chọn đơn vị")
    choose_another_text = _("Chọn đơn vị khác")
    page_title = _("Chọn đơn vị quản lý")
    choose_view_class = AuthorityChooseView
    choose_results_view_class = AuthorityChooseResultsView
    chosen_view_class = AuthorityChosenView


school_chooser_viewset = SchoolChooserViewSet("tenants_school_chooser", url_prefix="chon-truong")
authority_chooser_viewset = AuthorityChooserViewSet(
    "tenants_authority_chooser", url_prefix="chon-don-vi"
)
