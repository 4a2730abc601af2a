"""A parent sends feedback from the school's contact page; the school reads it in the admin."""

import re

from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission

from page_types.models import MandatedSection
from tenants.models import Membership

OFFICE = "portal.test"


def contact_of(school):
    return MandatedSection.objects.get(school=school, key="lien-he").page.specific


def fresh_parent():
    # A real browser: CSRF enforced, as for anonymous visitors of the public site.
    return Client(enforce_csrf_checks=True)


def open_form(client, school):
    response = client.get("/lien-he/", HTTP_HOST=school.hostname)
    assert response.status_code == 200
    body = response.content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    return body, token


def feedback(contact, token, **overrides):
    names = {f.label: f.clean_name for f in contact.form_fields.all()}
    data = {
        "csrfmiddlewaretoken": token,
        names["Họ và tên"]: "Nguyễn Thị Mai",
        names["Điện thoại hoặc email"]: "0909 123 456",
        names["Chủ đề"]: "Góp ý",
        names["Nội dung"]: "Xin nhà trường cho biết lịch họp phụ huynh đầu năm.",
        "website": "",
    }
    data.update(overrides)
    return data


def send(client, school, data, address="203.0.113.7"):
    return client.post("/lien-he/", data, HTTP_HOST=school.hostname, REMOTE_ADDR=address)


def test_parent_sends_feedback_and_the_school_reads_it(
    client, school, other_school, approver, make_member
):
    parent = fresh_parent()
    body, token = open_form(parent, school)
    assert 'name="website"' in body
    contact = contact_of(school)
    response = send(parent, school, feedback(contact, token))
    # Post/Redirect/Get: a refresh of the thank-you page does not post again.
    assert response.status_code == 302 and response["Location"] == "/lien-he/?da-gui=1"
    [submission] = FormSubmission.objects.all()
    assert submission.page_id == contact.pk
    assert "Nguyễn Thị Mai" in str(submission.form_data)
    assert "website" not in submission.form_data
    # The school's address is told by e-mail too.
    assert any(school.email in m.to for m in mail.outbox)

    client.force_login(approver)
    listing = client.get(
        reverse("wagtailforms:list_submissions", args=(contact.pk,)), HTTP_HOST=OFFICE
    )
    assert listing.status_code == 200
    assert "Nguyễn Thị Mai" in listing.content.decode()
    forms = client.get(reverse("wagtailforms:index"), HTTP_HOST=OFFICE).content.decode()
    assert contact.title in forms

    outsider = make_member(Membership.Role.APPROVER, school=other_school)
    client.force_login(outsider)
    response = client.get(
        reverse("wagtailforms:list_submissions", args=(contact.pk,)), HTTP_HOST=OFFICE
    )
    assert response.status_code in (302, 403, 404)
    if response.status_code == 302:
        assert response["Location"] == "/admin/"
    assert "Nguyễn Thị Mai" not in response.content.decode()
    response = client.get(
        reverse("wagtailforms:list_submissions", args=(contact.pk,)) + "?export=csv",
        HTTP_HOST=OFFICE,
    )
    assert "Nguyễn Thị Mai" not in response.content.decode()


def test_feedback_lands_in_its_own_school(school, other_school):
    parent = fresh_parent()
    _, token = open_form(parent, other_school)
    send(parent, other_school, feedback(contact_of(other_school), token))
    assert FormSubmission.objects.get().page_id == contact_of(other_school).pk
    assert not FormSubmission.objects.filter(page=contact_of(school)).exists()


def test_missing_csrf_is_refused(school):
    parent = fresh_parent()
    data = feedback(contact_of(school), "sai")
    data.pop("csrfmiddlewaretoken")
    assert send(parent, school, data).status_code == 403
    assert not FormSubmission.objects.exists()


def test_honeypot_blocks_a_bot(school):
    parent = fresh_parent()
    _, token = open_form(parent, school)
    response = send(
        parent, school, feedback(contact_of(school), token, website="http://quang-cao.example")
    )
    # The bot is told "thank you" and learns nothing; nothing is stored or sent.
    assert response.status_code == 302
    assert not FormSubmission.objects.exists()
    assert not mail.outbox


def test_invalid_form_shows_errors_and_stores_nothing(school):
    parent = fresh_parent()
    _, token = open_form(parent, school)
    contact = contact_of(school)
    name_field = contact.form_fields.get(label="Họ và tên").clean_name
    response = send(parent, school, feedback(contact, token, **{name_field: ""}))
    assert response.status_code == 200
    assert "Họ và tên" in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_rate_limit_after_five_messages_an_hour(school):
    parent = fresh_parent()
    _, token = open_form(parent, school)
    data = feedback(contact_of(school), token)
    for _ in range(5):
        assert send(parent, school, data).status_code == 302
    response = send(parent, school, data)
    assert response.status_code == 429
    assert FormSubmission.objects.count() == 5
    # Another address is not affected.
    assert send(parent, school, data, address="198.51.100.20").status_code == 302
    assert FormSubmission.objects.count() == 6


def test_contact_form_on_unknown_host_is_404(school):
    response = Client().post("/lien-he/", {}, HTTP_HOST="khong-co.portal.test")
    assert response.status_code == 404
    assert not FormSubmission.objects.exists()
