"""The one date field of the admin's own screens: typed as dd/mm/yyyy (the way dates are written
everywhere in the product) with Wagtail's date picker beside the typing, as on the page editor."""

from wagtail.admin.widgets import AdminDateInput

DATE_FORMAT = "%d/%m/%Y"


class DayMonthYearInput(AdminDateInput):
    # Wagtail's page editor loads the picker's script with the form's media; our screens render
    # their fields by hand, so the widget brings the script itself. The template is in
    # tenants/templates: the form renderer reads apps' template folders only.
    template_name = "tenants/widgets/date_input.html"

    def __init__(self, attrs=None):
        defaults = {"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "size": 10}
        super().__init__(attrs={**defaults, **(attrs or {})}, format=DATE_FORMAT)
