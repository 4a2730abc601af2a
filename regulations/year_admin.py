"""The office's screen for school years (Cài đặt → Năm học): see which schools have this year's
and next year's disclosure slots, move the opening day, or open a year now.

Office admins manage their office and the offices below it; superusers every office."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.menu import MenuItem

from tenants.date_input import DayMonthYearInput
from tenants.models import Authority, Membership, School

from .calendars import valid_school_year
from .models import Checklist
from .year_opening import OpeningDays, open_year_now, set_opening_day, years_to_consider

DATE_FORMAT = "%d/%m/%Y"


def managed_authorities(user):
    """Offices the user may open school years for."""
    if not user.is_authenticated:
        return Authority.objects.none()
    if user.is_superuser:
        return Authority.objects.order_by("path")
    paths = list(
        Membership.objects.filter(
            user=user, role=Membership.Role.ADMIN, authority__isnull=False
        ).values_list("authority__path", flat=True)
    )
    if not paths:
        return Authority.objects.none()
    ids = [
        pk
        for pk, path in Authority.objects.values_list("pk", "path")
        if any(path.startswith(p) for p in paths)
    ]
    return Authority.objects.filter(pk__in=ids).order_by("path")


class OpeningDayForm(forms.Form):
    school_year = forms.CharField(widget=forms.HiddenInput)
    opens_on = forms.DateField(
        label=gettext_lazy("Ngày mở năm học (dd/mm/yyyy)"),
        input_formats=[DATE_FORMAT],
        widget=DayMonthYearInput(),
        error_messages={
            "required": gettext_lazy("Nhập ngày mở năm học, dạng dd/mm/yyyy."),
            "invalid": gettext_lazy("Ngày mở năm học không hợp lệ; viết dạng dd/mm/yyyy."),
        },
    )

    def clean_school_year(self):
        value = self.cleaned_data["school_year"]
        if not valid_school_year(value):
            raise forms.ValidationError(_("Năm học không hợp lệ."))
        return value


def _rows(authority, years):
    schools = School.objects.filter(is_active=True, authority__path__startswith=authority.path)
    total = schools.count()
    days = OpeningDays(years)
    rows = []
    for year in years:
        opened = Checklist.objects.filter(school_year=year, school__in=schools).count()
        day = days.day(authority.pk, year)
        rows.append(
            {
                "school_year": year,
                "opens_on": day,
                "opened": opened,
                "total": total,
                "form": OpeningDayForm(
                    initial={"school_year": year, "opens_on": day.strftime(DATE_FORMAT)},
                    prefix=year,
                ),
            }
        )
    return rows


def school_years(request):
    authorities = list(managed_authorities(request.user))
    if not authorities:
        raise PermissionDenied
    chosen = request.POST.get("authority") or request.GET.get("authority")
    authority = next((a for a in authorities if str(a.pk) == chosen), authorities[0])
    years = years_to_consider(timezone.localdate())
    rows = _rows(authority, years)
    if request.method == "POST":
        year = request.POST.get("school_year", "")
        if year not in years:
            messages.error(request, _("Năm học không hợp lệ."))
        elif request.POST.get("action") == "open":
            result = open_year_now(authority, year, user=request.user)
            messages.success(
                request,
                _(
                    "Đã mở năm học %(year)s cho các trường thuộc %(office)s: "
                    "%(slots)s mục công khai mới."
                )
                % {"year": year, "office": authority.name, "slots": result.slots},
            )
        else:
            form = OpeningDayForm(request.POST, prefix=year)
            if form.is_valid():
                set_opening_day(authority, year, form.cleaned_data["opens_on"])
                messages.success(
                    request,
                    _("Năm học %(year)s sẽ tự mở vào ngày %(day)s.")
                    % {"year": year, "day": form.cleaned_data["opens_on"].strftime(DATE_FORMAT)},
                )
            else:
                for row in rows:
                    if row["school_year"] == year:
                        row["form"] = form
                return TemplateResponse(
                    request,
                    "regulations/admin/school_years.html",
                    {"authority": authority, "authorities": authorities, "rows": rows},
                    status=400,
                )
        url = reverse("regulations_school_years") + f"?authority={authority.pk}"
        return redirect(url)
    return TemplateResponse(
        request,
        "regulations/admin/school_years.html",
        {"authority": authority, "authorities": authorities, "rows": rows},
    )


class SchoolYearsMenuItem(MenuItem):
    def is_shown(self, request):
        return managed_authorities(request.user).exists()


def menu_item():
    return SchoolYearsMenuItem(
        gettext_lazy("Năm học"),
        reverse("regulations_school_years"),
        name="nam-hoc",
        icon_name="date",
        order=850,
    )
