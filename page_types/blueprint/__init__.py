"""The mandated structure of a school site (domain/site-structure.md), declared once as data.

Three readers: provisioning builds the tree from it, the editor's checklist and the audit
measure each section against it. The shipped structure (`seed`) fills the BlueprintSection
table as the instance default; an authority may have its own version, which its schools and
those of its sub-offices follow (`ownership`); office admins adjust them in the admin (`Cấu
trúc trang trường`). `store` serves the rows as `Section`s, per owner; `provisioning` builds
trees (new schools' in bulk, `bulk_tree`); `rollout` brings existing schools up to their blueprint, one task per school."""

from .provisioning import (
    APPLY_LOG_ACTION,
    RollOut,
    apply_to_school,
    apply_to_schools,
    build_office_site,
    build_school_site,
    build_school_sites,
    contact_subject,
    ensure_sections,
)
from .seed import (
    ALL,
    AS_NEEDED,
    DEFAULT_BLUEPRINT,
    MN,
    OFFICE_SECTIONS,
    TH,
    THCS,
    WEEKLY,
    YEARLY,
    Section,
)
from .store import (
    blueprint_changed,
    blueprint_for,
    blueprint_generation,
    blueprint_owner,
    forget_blueprint,
    live_blueprint,
    load_blueprint,
    school_sections,
    sections_for,
)

__all__ = [
    "ALL",
    "APPLY_LOG_ACTION",
    "AS_NEEDED",
    "DEFAULT_BLUEPRINT",
    "MN",
    "OFFICE_SECTIONS",
    "TH",
    "THCS",
    "WEEKLY",
    "YEARLY",
    "RollOut",
    "Section",
    "apply_to_school",
    "apply_to_schools",
    "blueprint_changed",
    "blueprint_for",
    "blueprint_generation",
    "blueprint_owner",
    "build_office_site",
    "build_school_site",
    "build_school_sites",
    "contact_subject",
    "ensure_sections",
    "forget_blueprint",
    "live_blueprint",
    "load_blueprint",
    "school_sections",
    "sections_for",
]
