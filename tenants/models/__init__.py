"""The tenants app's models: the tenancy (tenancy.py) and the school's approval task
(approval_task.py), an admin school import under way (school_import.py). Importers name them from here."""

from .approval_task import SchoolApprovalTask
from .school_import import SchoolImport
from .tenancy import (
    HOST_LABEL,
    Authority,
    Level,
    Membership,
    School,
    SchoolDomain,
    authority_lineages,
    nearest_owner,
    site_root_url,
)

__all__ = [
    "HOST_LABEL",
    "Authority",
    "Level",
    "Membership",
    "School",
    "SchoolApprovalTask",
    "SchoolDomain",
    "SchoolImport",
    "authority_lineages",
    "nearest_owner",
    "site_root_url",
]
