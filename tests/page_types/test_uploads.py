"""Uploads through the real admin endpoints: allowed formats, size caps, real content, alt text."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import UploadedFile

OFFICE = "portal.test"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def admin_client(client, editor):
    client.force_login(editor)
    return client


def png(size=(40, 30), mode="RGB", fmt="PNG"):
    buffer = io.BytesIO()
    PILImage.new(mode, size, "white" if mode != "1" else 1).save(buffer, fmt)
    return buffer.getvalue()


def zipped(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def xlsx():
    buffer = io.BytesIO()
    workbook = Workbook()
    workbook.active.append(["Khối", "Số lớp"])
    workbook.save(buffer)
    return buffer.getvalue()


def upload_document(client, school, name, content, title="Kế hoạch năm học"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "collection": school.collection_id,
            "file": SimpleUploadedFile(name, content),
        },
        HTTP_HOST=OFFICE,
    )


def form_errors(response):
    form = response.context["form"]
    return {name: [str(e) for e in errors] for name, errors in form.errors.items()}


VALID_DOCUMENTS = {
    "ke-hoach.pdf": b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n",
    "bien-ban.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024,
    "thoi-khoa-bieu.docx": zipped(
        {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}
    ),
    "danh-sach.xlsx": xlsx(),
    "trinh-chieu.pptx": zipped({"ppt/presentation.xml": "<p:presentation/>"}),
    "cong-van.odt": zipped(
        {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}
    ),
    "bang-diem.ods": zipped(
        {"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}
    ),
}


def test_allowed_documents_are_accepted(admin_client, school):
    for name, content in VALID_DOCUMENTS.items():
        response = upload_document(admin_client, school, name, content, title=name)
        assert response.status_code == 302, (name, form_errors(response))
        document = Document.objects.get(title=name)
        assert document.collection_id == school.collection_id
        assert document.file.name.endswith(name.rsplit(".", 1)[1])
    assert Document.objects.count() == len(VALID_DOCUMENTS)


REFUSED_DOCUMENTS = [
    (
        "phan-mem.exe",
        EXE,
        "Tệp “phan-mem.exe” bị từ chối: không nhận tệp .exe; chỉ nhận PDF, DOC, DOCX,",
    ),
    (
        "bao-cao.pdf",
        EXE,
        "Tệp “bao-cao.pdf” bị từ chối: nội dung không phải tệp .pdf mà là tệp chương trình (EXE)",
    ),
    (
        "thoi-khoa-bieu.docx",
        zipped({"xl/workbook.xml": "<x/>"}),
        "Tệp “thoi-khoa-bieu.docx” bị từ chối: nội dung không phải tệp .docx",
    ),
    (
        "danh-sach.xls",
        b"Ho ten,Lop\nAn,5A\n",
        "Tệp “danh-sach.xls” bị từ chối: nội dung không phải tệp .xls hợp lệ",
    ),
    ("anh.png", png(), "Tệp “anh.png” bị từ chối: không nhận tệp .png"),
    ("khong-duoi", b"%PDF-1.4", "Tệp “khong-duoi” bị từ chối: tệp không có đuôi"),
]


def test_refused_documents_name_the_file_and_reason(admin_client, school):
    for name, content, expected in REFUSED_DOCUMENTS:
        response = upload_document(admin_client, school, name, content)
        assert response.status_code == 200, name
        errors = form_errors(response)["file"]
        assert len(errors) == 1, errors
        assert errors[0].startswith(expected), errors
        assert expected in response.content.decode()
    assert not Document.objects.exists()


def test_document_size_cap(admin_client, school, settings):
    settings.PORTAL_DOCUMENT_MAX_UPLOAD_SIZE = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 2048
    content = b"%PDF-1.4\n" + b"0" * 4096
    response = upload_document(admin_client, school, "lon.pdf", content)
    [error] = form_errors(response)["file"]
    assert error.startswith("Tệp “lon.pdf” bị từ chối: dung lượng 4,0")
    assert "vượt quá giới hạn 2,0" in error
    assert not Document.objects.exists()


def test_multiple_document_upload_refuses_with_the_same_message(admin_client, school):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"collection": school.collection_id, "files[]": SimpleUploadedFile("hoc-phi.pdf", EXE)},
        HTTP_HOST=OFFICE,
    )
    data = response.json()
    assert data["success"] is False
    assert data["error_message"].startswith("Tệp “hoc-phi.pdf” bị từ chối: nội dung không phải")
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "collection": school.collection_id,
            "files[]": SimpleUploadedFile("hoc-phi.pdf", VALID_DOCUMENTS["ke-hoach.pdf"]),
        },
        HTTP_HOST=OFFICE,
    )
    assert response.json()["success"] is True
    assert Document.objects.get().title == "hoc-phi.pdf"


def upload_image(client, school, name, content, description="Học sinh lớp 5A trồng cây"):
    data = {
        "title": "Trồng cây",
        "collection": school.collection_id,
        "file": SimpleUploadedFile(name, content),
    }
    if description is not None:
        data["description"] = description
    return client.post(reverse("wagtailimages:add"), data, HTTP_HOST=OFFICE)


def test_allowed_images_are_accepted_with_alt_text(admin_client, school):
    cases = [
        ("a.jpg", png(fmt="JPEG")),
        ("b.jpeg", png(fmt="JPEG")),
        ("c.png", png()),
        ("d.webp", png(fmt="WEBP")),
        ("e.gif", png(mode="P", fmt="GIF")),
    ]
    for name, content in cases:
        response = upload_image(admin_client, school, name, content)
        assert response.status_code == 302, (name, form_errors(response))
    assert Image.objects.count() == len(cases)
    image = Image.objects.first()
    assert image.description == "Học sinh lớp 5A trồng cây"
    assert image.default_alt_text == "Học sinh lớp 5A trồng cây"


def test_image_form_requires_alt_text_with_its_label(admin_client, school):
    page = admin_client.get(reverse("wagtailimages:add"), HTTP_HOST=OFFICE).content.decode()
    assert "Mô tả ảnh (văn bản thay thế cho người khiếm thị)" in page
    response = upload_image(admin_client, school, "a.png", png(), description="")
    assert response.status_code == 200
    assert form_errors(response) == {
        "description": ["Hãy nhập mô tả ảnh: người khiếm thị nghe mô tả này thay cho ảnh."]
    }
    assert not Image.objects.exists()


REFUSED_IMAGES = [
    ("setup.exe", EXE, "Tệp “setup.exe” bị từ chối: không nhận tệp .exe; chỉ nhận ảnh JPG"),
    ("anh.png", EXE, "Tệp “anh.png” bị từ chối: đây không phải ảnh hợp lệ"),
    (
        "anh.png",
        png(fmt="JPEG"),
        "Tệp “anh.png” bị từ chối: nội dung là ảnh jpeg, không khớp với đuôi .png",
    ),
    ("ve.bmp", png(fmt="BMP"), "Tệp “ve.bmp” bị từ chối: không nhận tệp .bmp"),
    ("so-do.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "không nhận tệp .svg"),
]


def test_refused_images_name_the_file_and_reason(admin_client, school):
    for name, content, expected in REFUSED_IMAGES:
        response = upload_image(admin_client, school, name, content)
        assert response.status_code == 200, name
        [error] = form_errors(response)["file"]
        assert expected in error, error
    assert not Image.objects.exists()


def test_image_size_cap(admin_client, school, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    response = upload_image(admin_client, school, "to.png", png((300, 300)))
    [error] = form_errors(response)["file"]
    assert error.startswith("Tệp “to.png” bị từ chối: dung lượng")
    assert "vượt quá giới hạn 100" in error


def test_decompression_bomb_is_refused(admin_client, school, settings):
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    # 42 million pixels in a few kilobytes: a small file that would eat memory when resized.
    bomb = png((7000, 6000), mode="1")
    assert len(bomb) < 100_000
    response = upload_image(admin_client, school, "bom.png", bomb)
    [error] = form_errors(response)["file"]
    assert error.startswith("Tệp “bom.png” bị từ chối: ảnh quá nhiều điểm ảnh (42000000)")


def test_multiple_image_upload_asks_for_alt_text_then_creates(admin_client, school, editor):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"collection": school.collection_id, "files[]": SimpleUploadedFile("le-hoi.png", png())},
        HTTP_HOST=OFFICE,
    )
    data = response.json()
    # The file is fine, but it may not become an image without its description.
    assert data["success"] is True
    assert "uploaded_file_id" in data
    assert "Mô tả ảnh (văn bản thay thế cho người khiếm thị)" in data["form"]
    assert not Image.objects.exists()
    upload_id = data["uploaded_file_id"]
    url = reverse("wagtailimages:create_multiple_from_uploaded_image", args=(upload_id,))
    prefix = f"uploaded-image-{upload_id}"
    base = {f"{prefix}-title": "Lễ hội", f"{prefix}-collection": school.collection_id}

    response = admin_client.post(url, {**base, f"{prefix}-description": ""}, HTTP_HOST=OFFICE)
    assert response.json()["success"] is False
    assert "Hãy nhập mô tả ảnh" in response.json()["form"]

    response = admin_client.post(
        url, {**base, f"{prefix}-description": "Học sinh múa lân"}, HTTP_HOST=OFFICE
    )
    assert response.json()["success"] is True
    image = Image.objects.get()
    assert (image.title, image.description) == ("Lễ hội", "Học sinh múa lân")
    assert image.collection_id == school.collection_id
    assert image.uploaded_by_user == editor
    assert (image.width, image.height) == (40, 30)
    assert not UploadedFile.objects.exists()


def test_multiple_image_upload_refuses_a_bad_file_at_once(admin_client, school):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"collection": school.collection_id, "files[]": SimpleUploadedFile("anh.jpg", EXE)},
        HTTP_HOST=OFFICE,
    )
    data = response.json()
    assert data["success"] is False
    assert data["error_message"].startswith("Tệp “anh.jpg” bị từ chối: đây không phải ảnh hợp lệ")
    assert not UploadedFile.objects.exists()


def test_chooser_upload_requires_alt_text(admin_client, school):
    url = reverse("wagtailimages_chooser:create")
    prefix = "image-chooser-upload"
    data = {
        f"{prefix}-title": "Sân trường",
        f"{prefix}-collection": school.collection_id,
        f"{prefix}-file": SimpleUploadedFile("san.png", png()),
    }
    response = admin_client.post(url, data, HTTP_HOST=OFFICE)
    body = response.json()
    assert body["step"] != "chosen"
    assert "Hãy nhập mô tả ảnh" in body["htmlFragment"]
    assert not Image.objects.exists()

    data[f"{prefix}-file"] = SimpleUploadedFile("san.png", png())
    data[f"{prefix}-description"] = "Sân trường có cây phượng"
    response = admin_client.post(url, data, HTTP_HOST=OFFICE)
    assert response.json()["step"] == "chosen"
    assert Image.objects.get().description == "Sân trường có cây phượng"


def test_editing_an_image_without_new_file_keeps_it(admin_client, school):
    upload_image(admin_client, school, "a.png", png())
    image = Image.objects.get()
    response = admin_client.post(
        reverse("wagtailimages:edit", args=(image.pk,)),
        {
            "title": "Tên mới",
            "description": "Mô tả mới",
            "collection": school.collection_id,
            "focal_point_x": "",
            "focal_point_y": "",
            "focal_point_width": "",
            "focal_point_height": "",
        },
        HTTP_HOST=OFFICE,
    )
    assert response.status_code == 302, form_errors(response)
    image.refresh_from_db()
    assert (image.title, image.description) == ("Tên mới", "Mô tả mới")


def truncated_png():
    import random

    rng = random.Random(7)
    image = PILImage.frombytes("RGB", (300, 200), bytes(rng.randrange(256) for _ in range(180000)))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    data = buffer.getvalue()
    return data[: len(data) // 2]


def corrupt_jpeg():
    data = bytearray(png((300, 200), fmt="JPEG"))
    data[400:1200] = b"\x00" * 800
    return bytes(data[:-300])


@pytest.mark.parametrize(
    "name,content", [("hong.png", truncated_png()), ("hong.jpg", corrupt_jpeg())]
)
def test_truncated_or_corrupt_image_is_refused_with_a_message(admin_client, school, name, content):
    response = upload_image(admin_client, school, name, content)
    assert response.status_code == 200
    [error] = form_errors(response)["file"]
    assert error.startswith(f"Tệp “{name}” bị từ chối: ")
    assert "hỏng" in error
    assert not Image.objects.exists()


def test_multiple_upload_refuses_a_truncated_image(admin_client, school):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {
            "collection": school.collection_id,
            "files[]": SimpleUploadedFile("hong.png", truncated_png()),
        },
        HTTP_HOST=OFFICE,
    )
    assert response.status_code == 200
    data = response.json()
    assert data["success"] is False
    assert data["error_message"].startswith("Tệp “hong.png” bị từ chối: ")
    assert not UploadedFile.objects.exists() and not Image.objects.exists()
