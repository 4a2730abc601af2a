from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .school_details import SYNC_ACTION


@hooks.register("register_log_actions")
def register_log_actions(actions):
    label = _("Cập nhật theo thông tin trường do Phòng/Sở nhập")
    actions.register_action(SYNC_ACTION, label, label)
