from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ..forms import SchoolFieldRulesMixin
from ..models import Membership, School
from ..provisioning import UPDATABLE_FIELDS, add_member

# Django's own messages for these checks are not all translated to Vietnamese.
PASSWORD_MESSAGES = {
    "password_too_short": _("Mật khẩu quá ngắn: cần ít nhất %(min_length)d ký tự."),
    "password_too_common": _("Mật khẩu này quá phổ biến, dễ bị đoán."),
    "password_entirely_numeric": _("Mật khẩu không được chỉ gồm chữ số."),
    "password_too_similar": _("Mật khẩu quá giống tên đăng nhập, họ tên hoặc email."),
}


def validate_password_vi(password, user):
    """Django's password validators, with their messages in Vietnamese."""
    try:
        password_validation.validate_password(password, user)
    except forms.ValidationError as error:
        messages = []
        for item in error.error_list:
            template = PASSWORD_MESSAGES.get(item.code)
            messages.append(template % (item.params or {}) if template else item.messages[0])
        raise forms.ValidationError(messages) from error


def role_choices(scope):
    """("school:<id>:<role>" | "authority:<id>:<role>", label) for every role the manager may give."""
    labels = dict(Membership.Role.choices)
    choices = []
    for school in scope.schools().order_by("name"):
        for role in Membership.SCHOOL_ROLES:
            if role in scope.grantable(school=school):
                choices.append((f"school:{school.pk}:{role}", f"{labels[role]} – {school.name}"))
    for authority in scope.authorities().order_by("path"):
        for role in Membership.AUTHORITY_ROLES:
            if role in scope.grantable(authority=authority):
                choices.append(
                    (f"authority:{authority.pk}:{role}", f"{labels[role]} – {authority.name}")
                )
    return choices


class PasswordFieldsMixin:
    def clean_password2(self):
        password1 = self.cleaned_data.get("password1")
        password2 = self.cleaned_data.get("password2")
        if password1 and password2 and password1 != password2:
            raise forms.ValidationError(_("Hai lần nhập mật khẩu không khớp nhau."))
        return password2


class AddMemberForm(PasswordFieldsMixin, forms.Form):
    username = forms.CharField(
        label=_("Tên đăng nhập"),
        max_length=150,
        help_text=_("Chữ không dấu, chữ số và các ký tự @ . + - _"),
    )
    first_name = forms.CharField(label=_("Họ và tên đệm"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Tên"), max_length=150, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    role = forms.ChoiceField(label=_("Vai trò"))
    password1 = forms.CharField(label=_("Mật khẩu"), widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(
        label=_("Nhập lại mật khẩu"), widget=forms.PasswordInput, strip=False
    )

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope
        self.fields["role"].choices = role_choices(scope)

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        User = get_user_model()
        try:
            User.username_validator(username)
        except forms.ValidationError as error:
            raise forms.ValidationError(
                _("Tên đăng nhập chỉ gồm chữ không dấu, chữ số và các ký tự @ . + - _")
            ) from error
        # Existing accounts are never taken over from here, whatever school they belong to.
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(
                _("Tên đăng nhập “%(username)s” đã có người dùng; hãy chọn tên khác.")
                % {"username": username}
            )
        return username

    def clean_role(self):
        value = self.cleaned_data["role"]
        kind, pk, role = value.split(":")
        if kind == "school":
            self.place = {"school": School.objects.get(pk=int(pk))}
        else:
            from ..models import Authority

            self.place = {"authority": Authority.objects.get(pk=int(pk))}
        if role not in self.scope.grantable(**self.place):
            raise forms.ValidationError(_("Bạn không được giao vai trò này."))
        self.role = role
        return value

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password1")
        if password:
            user = get_user_model()(
                username=cleaned.get("username", ""),
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
                email=cleaned.get("email", ""),
            )
            try:
                validate_password_vi(password, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned

    @transaction.atomic
    def save(self):
        data = self.cleaned_data
        user, _created = add_member(
            data["username"],
            self.role,
            email=data["email"],
            password=data["password1"],
            **self.place,
        )
        user.first_name = data["first_name"]
        user.last_name = data["last_name"]
        user.save(update_fields=["first_name", "last_name"])
        return user


class EditMemberForm(forms.ModelForm):
    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name", "email"]
        labels = {"first_name": _("Họ và tên đệm"), "last_name": _("Tên"), "email": _("Email")}


class SetPasswordForm(PasswordFieldsMixin, forms.Form):
    password1 = forms.CharField(label=_("Mật khẩu mới"), widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(
        label=_("Nhập lại mật khẩu mới"), widget=forms.PasswordInput, strip=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password1(self):
        password = self.cleaned_data["password1"]
        validate_password_vi(password, self.user)
        return password

    def save(self):
        self.user.set_password(self.cleaned_data["password1"])
        self.user.save(update_fields=["password"])
        return self.user


class SchoolForm(SchoolFieldRulesMixin, forms.ModelForm):
    class Meta:
        model = School
        fields = list(UPDATABLE_FIELDS)
