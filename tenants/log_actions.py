"""The vocabulary of Wagtail's publication log (`PageLogEntry.action`), declared once.

Every reader of the log (the audit's ledger, disclosure statuses, evidence, retention, the
directives) counts the same actions, so a page that Wagtail's scheduler publishes or expires
(`publish_scheduled`) counts exactly like one published or unpublished by hand. It lives on the
lowest floor because every app reads the log."""

# A page went live: by a person, or by `publish_scheduled` at its "go live" time.
PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")
# A page left the site: by a person, or by `publish_scheduled` at its expiry time.
UNPUBLISH_ACTIONS = ("wagtail.unpublish", "wagtail.unpublish.scheduled")
DELETE_ACTIONS = ("wagtail.delete",)
MOVE_ACTIONS = ("wagtail.move",)
# Someone saved content without publishing it (a draft).
EDIT_ACTIONS = ("wagtail.edit", "wagtail.revert")
CREATE_ACTION = "wagtail.create"

# Every action that changes what a reader of the site can see.
VISIBILITY_ACTIONS = PUBLISH_ACTIONS + UNPUBLISH_ACTIONS + DELETE_ACTIONS + MOVE_ACTIONS


def is_publish(action):
    return action in PUBLISH_ACTIONS


def is_unpublish(action):
    return action in UNPUBLISH_ACTIONS


def is_delete(action):
    return action in DELETE_ACTIONS


def is_move(action):
    return action in MOVE_ACTIONS
