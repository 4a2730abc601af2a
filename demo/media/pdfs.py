"""PDFs that look like scanned administrative papers: the text rendered with a Vietnamese font
onto 1-bit A4 pages, saved as PDF."""

import io

from PIL import Image, ImageDraw

from .fonts import font

DPI = 150
PAGE_W, PAGE_H = int(8.27 * DPI), int(11.69 * DPI)
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = int(0.9 * DPI), int(0.7 * DPI), int(0.8 * DPI)


class _Pages:
    """Lays text out on A4 pages, starting a new page when one is full."""

    def __init__(self):
        self.pages = []
        self._new()

    def _new(self):
        self.image = Image.new("L", (PAGE_W, PAGE_H), 255)
        self.draw = ImageDraw.Draw(self.image)
        self.pages.append(self.image)
        self.y = MARGIN_TOP

    def need(self, height):
        if self.y + height > PAGE_H - MARGIN_BOTTOM:
            self._new()

    def text(self, x, line, face, anchor="la"):
        self.draw.text((x, self.y), line, font=face, fill=0, anchor=anchor)

    def wrapped(self, text, face, width=None, indent=0, align="left", gap=8):
        width = width or PAGE_W - 2 * MARGIN_X
        for line in wrap(text, face, width - indent):
            height = face.size + gap
            self.need(height)
            if align == "center":
                self.text(PAGE_W // 2, line, face, anchor="ma")
            else:
                self.text(MARGIN_X + indent, line, face)
            self.y += height


def wrap(text, face, width):
    words, lines, current = text.split(), [], ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if face.getlength(candidate) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines or [""]


def render_pdf(**kwargs):
    """A one- or two-page administrative document as PDF bytes (see ``render_pages``)."""
    pages = render_pages(**kwargs)
    out = io.BytesIO()
    pages[0].save(out, "PDF", resolution=DPI, save_all=True, append_images=pages[1:])
    return out.getvalue()


def render_pages(
    *,
    org_parent,
    org,
    number="",
    place_date="",
    title="",
    subtitle="",
    paragraphs=(),
    table=None,
    fields=(),
    signer_title="",
    signer_name="",
    recipients=(),
):
    """The pages of an administrative document as 1-bit images.

    ``table`` is (columns, rows) of strings; ``fields`` are form lines followed by dots."""
    body = font("serif", 27)
    bold = font("serif-bold", 27)
    small = font("serif", 24)
    small_bold = font("serif-bold", 24)
    doc = _Pages()
    half = (PAGE_W - 2 * MARGIN_X) // 2
    left_x, right_x = MARGIN_X + half // 2, MARGIN_X + half + half // 2
    lines_left = [(org_parent.upper(), small), (org.upper(), small_bold)]
    if number:
        lines_left.append((f"Số: {number}", small))
    lines_right = [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font("serif-bold", 21)),
        ("Độc lập – Tự do – Hạnh phúc", font("serif-bold", 22)),
        (place_date, font("serif", 23)),
    ]
    top = doc.y
    for lines, cx in ((lines_left, left_x), (lines_right, right_x)):
        doc.y = top
        for text, face in lines:
            for line in wrap(text, face, half - 10):
                doc.text(cx, line, face, anchor="ma")
                doc.y += face.size + 8
    doc.y = top + 4 * 36 + 20
    if title:
        doc.wrapped(title.upper(), bold, align="center")
    if subtitle:
        doc.wrapped(subtitle, font("serif", 26), align="center")
    doc.y += 24
    for paragraph in paragraphs:
        doc.wrapped(paragraph, body, indent=40)
        doc.y += 10
    if table:
        _table(doc, *table)
    for field_line in fields:
        doc.need(60)
        doc.text(MARGIN_X, field_line, body)
        start = MARGIN_X + int(body.getlength(field_line)) + 12
        if start < PAGE_W - MARGIN_X - 40:
            doc.draw.line((start, doc.y + 30, PAGE_W - MARGIN_X, doc.y + 30), fill=0, width=1)
        doc.y += 62
    doc.y += 30
    doc.need(260)
    sign_top = doc.y
    if recipients:
        doc.text(MARGIN_X, "Nơi nhận:", small_bold)
        doc.y += 34
        for recipient in recipients:
            doc.text(MARGIN_X, f"- {recipient};", font("serif", 22))
            doc.y += 30
    doc.y = sign_top
    if signer_title:
        doc.text(right_x, signer_title.upper(), small_bold, anchor="ma")
        doc.y += 40
        doc.text(right_x, "(Đã ký)", font("serif", 22), anchor="ma")
        doc.y += 130
        doc.text(right_x, signer_name, small_bold, anchor="ma")
    return [page.convert("1", dither=Image.Dither.NONE) for page in doc.pages]


def _table(doc, columns, rows):
    face = font("serif", 22)
    head = font("serif-bold", 22)
    width = PAGE_W - 2 * MARGIN_X
    # The "content" column (second, or the only long one) gets the room left by the others.
    narrow = [max(70, int(max(head.getlength(c) for c in [col]) + 24)) for col in columns]
    if len(columns) > 1:
        narrow[0] = 70
        rest = width - sum(n for i, n in enumerate(narrow) if i != 1)
        narrow[1] = max(rest, 260)
    scale = width / sum(narrow)
    widths = [int(w * scale) for w in narrow]

    def row_lines(cells, face):
        return [
            wrap(str(cell), face, max(w - 16, 40)) for cell, w in zip(cells, widths, strict=False)
        ]

    for cells, face in [(columns, head)] + [(row, face) for row in rows]:
        lines = row_lines(cells, face)
        height = max(len(cell) for cell in lines) * (face.size + 6) + 16
        doc.need(height)
        x = MARGIN_X
        for cell, w in zip(lines, widths, strict=False):
            doc.draw.rectangle((x, doc.y, x + w, doc.y + height), outline=0, width=2)
            y = doc.y + 8
            for line in cell:
                doc.draw.text((x + 8, y), line, font=face, fill=0)
                y += face.size + 6
            x += w
        doc.y += height
    doc.y += 24
