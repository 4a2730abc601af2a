"""The demo's pictures: simple coloured scenes (sky, school, a motif for the event) with a
Vietnamese caption, and the schools' logos."""

import io
import math
from functools import lru_cache

from PIL import Image, ImageDraw

from .fonts import font

WIDTH, HEIGHT = 1200, 800

SCENES = {
    "khai-giang": (
        (86, 164, 230),
        (206, 232, 250),
        (104, 178, 96),
        "bunting",
        "Lễ khai giảng năm học 2016-2017",
    ),
    "hop-phu-huynh": (
        (120, 170, 210),
        (232, 240, 246),
        (196, 170, 130),
        "meeting",
        "Họp cha mẹ học sinh",
    ),
    "trung-thu": ((22, 30, 78), (70, 60, 130), (52, 90, 60), "lanterns", "Vui hội trăng rằm"),
    "giao-thong": ((120, 190, 240), (220, 238, 250), (120, 120, 128), "road", "An toàn giao thông"),
    "doi": (
        (90, 170, 235),
        (215, 236, 250),
        (110, 180, 100),
        "scarves",
        "Hoạt động Đội Thiếu niên",
    ),
    "mam-non": (
        (255, 196, 120),
        (255, 236, 200),
        (140, 200, 110),
        "kids",
        "Một ngày của bé ở trường",
    ),
    "hoi-nghi": ((70, 110, 160), (190, 210, 230), (150, 120, 90), "meeting", "Hội nghị"),
    "lop-hoc": ((150, 196, 160), (232, 244, 232), (170, 130, 90), "board", "Giờ học trên lớp"),
    "hoa": ((236, 150, 180), (252, 224, 232), (120, 180, 110), "flowers", "Hoa tặng cô"),
    "san-truong": ((96, 176, 236), (220, 240, 252), (118, 186, 98), "trees", "Sân trường"),
    "nha-giao": (
        (210, 90, 110),
        (250, 214, 200),
        (118, 170, 100),
        "flowers",
        "Tri ân thầy cô 20/11",
    ),
    "the-thao": ((70, 160, 230), (200, 230, 250), (90, 170, 80), "balls", "Hội khỏe Phù Đổng"),
    "dia-dao": (
        (120, 170, 120),
        (210, 228, 190),
        (120, 90, 60),
        "tunnel",
        "Về nguồn – Địa đạo Củ Chi",
    ),
    "tet": ((220, 60, 50), (255, 200, 120), (170, 80, 60), "blossoms", "Xuân Đinh Dậu 2017"),
    "sach": ((120, 150, 200), (235, 235, 245), (180, 150, 110), "books", "Ngày hội đọc sách"),
    "co": ((60, 140, 220), (210, 232, 250), (110, 176, 96), "flag", "Chào cờ"),
    "tong-ket": (
        (255, 170, 90),
        (255, 232, 190),
        (110, 176, 96),
        "bunting",
        "Tổng kết năm học 2016-2017",
    ),
    "y-te": ((120, 200, 210), (230, 248, 250), (200, 220, 220), "cross", "Chăm sóc sức khỏe"),
    "van-nghe": ((90, 40, 120), (220, 120, 160), (60, 40, 70), "notes", "Văn nghệ"),
    "ve-tranh": ((250, 210, 110), (252, 244, 220), (140, 200, 120), "palette", "Em vẽ ước mơ"),
    "may-tinh": ((40, 90, 150), (170, 200, 230), (120, 120, 140), "screens", "Tin học"),
    "bep-an": ((240, 180, 110), (252, 236, 210), (200, 170, 130), "bowls", "Bữa ăn bán trú"),
    "vuon": ((110, 190, 230), (225, 244, 250), (96, 160, 70), "trees", "Trường xanh – sạch – đẹp"),
    "vuon-rau": ((110, 190, 230), (225, 244, 250), (96, 160, 70), "garden", "Vườn rau của bé"),
}


def _gradient(size, top, bottom):
    ramp = Image.linear_gradient("L").resize(size)
    channels = [
        ramp.point(lambda v, a=a, b=b: int(a + (b - a) * v / 255))
        for a, b in zip(top, bottom, strict=False)
    ]
    return Image.merge("RGB", channels)


def _school(draw, x, y, scale=1.0, wall=(250, 236, 200), roof=(190, 70, 60)):
    w, h = int(420 * scale), int(170 * scale)
    draw.rectangle((x, y, x + w, y + h), fill=wall)
    draw.polygon([(x - 20, y), (x + w // 2, y - int(90 * scale)), (x + w + 20, y)], fill=roof)
    for row in range(2):
        for col in range(5):
            wx = x + 22 + col * (w - 44) // 5
            wy = y + 22 + row * (h - 20) // 2
            draw.rectangle(
                (wx, wy, wx + int(44 * scale), wy + int(38 * scale)), fill=(120, 170, 210)
            )
    draw.rectangle((x + w // 2 - 24, y + h - 70, x + w // 2 + 24, y + h), fill=(140, 90, 60))
    pole = x + w + 60
    draw.line((pole, y + h, pole, y - int(120 * scale)), fill=(90, 90, 90), width=5)
    _flag(draw, pole + 2, y - int(120 * scale), 90)


def _flag(draw, x, y, w):
    h = int(w * 2 / 3)
    draw.rectangle((x, y, x + w, y + h), fill=(218, 37, 29))
    _star(draw, x + w / 2, y + h / 2, h * 0.3, (255, 221, 0))


def _star(draw, cx, cy, r, fill):
    points = []
    for i in range(10):
        angle = math.pi / 2 + i * math.pi / 5
        radius = r if i % 2 == 0 else r * 0.4
        points.append((cx + radius * math.cos(angle), cy - radius * math.sin(angle)))
    draw.polygon(points, fill=fill)


def _person(draw, x, y, scale, colour):
    r = 18 * scale
    draw.ellipse((x - r, y - 3 * r, x + r, y - r), fill=(245, 205, 170))
    draw.rounded_rectangle((x - 1.6 * r, y - r, x + 1.6 * r, y + 2.6 * r), radius=r, fill=colour)


def _motif(draw, motif, rng_seed):
    palette = [
        (231, 76, 60),
        (241, 196, 15),
        (46, 204, 113),
        (52, 152, 219),
        (155, 89, 182),
        (230, 126, 34),
    ]
    if motif == "bunting":
        for i in range(16):
            x = i * 80
            draw.polygon([(x, 40), (x + 70, 40), (x + 35, 110)], fill=palette[i % len(palette)])
        draw.line((0, 40, WIDTH, 40), fill=(120, 80, 40), width=4)
        for i in range(6):
            _balloon(draw, 70 + i * 30, 200 + (i % 3) * 40, palette[(i + 2) % 6])
    elif motif == "lanterns":
        draw.ellipse((900, 70, 1060, 230), fill=(255, 236, 150))
        for i in range(7):
            x = 90 + i * 150
            draw.line((x, 0, x, 120 + (i % 2) * 40), fill=(200, 200, 200), width=2)
            if i % 2:
                _star(draw, x, 170, 48, palette[i % 6])
            else:
                draw.ellipse((x - 40, 120, x + 40, 200), fill=palette[(i + 1) % 6])
                draw.rectangle((x - 10, 198, x + 10, 214), fill=(240, 200, 60))
    elif motif == "road":
        draw.rectangle((0, 560, WIDTH, 690), fill=(70, 70, 76))
        for i in range(8):
            draw.rectangle((480 + i * 32, 560, 496 + i * 32, 690), fill=(245, 245, 245))
        draw.rectangle((1040, 330, 1080, 470), fill=(40, 40, 40))
        for i, colour in enumerate([(231, 76, 60), (241, 196, 15), (46, 204, 113)]):
            draw.ellipse((1046, 338 + i * 44, 1074, 366 + i * 44), fill=colour)
        draw.line((1060, 470, 1060, 560), fill=(60, 60, 60), width=8)
    elif motif == "scarves":
        for i in range(5):
            x = 150 + i * 200
            _person(draw, x, 560, 1.6, (250, 250, 250))
            draw.polygon([(x - 22, 510), (x + 22, 510), (x, 560)], fill=(218, 37, 29))
    elif motif == "kids":
        for i in range(6):
            _person(draw, 120 + i * 180, 600, 1.3, palette[i % 6])
        for i in range(5):
            _balloon(draw, 150 + i * 220, 180 + (i % 2) * 50, palette[(i + 3) % 6])
    elif motif == "meeting":
        draw.rectangle((140, 500, 1060, 540), fill=(120, 80, 50))
        for i in range(7):
            _person(draw, 200 + i * 130, 500, 1.2, palette[(i + 3) % 6])
        draw.rectangle((380, 120, 820, 260), fill=(200, 30, 40))
        draw.text((600, 190), "HỘI NGHỊ", fill=(255, 230, 120), font=font("bold", 56), anchor="mm")
    elif motif == "board":
        draw.rectangle((250, 110, 950, 400), fill=(36, 80, 60))
        draw.rectangle((240, 100, 960, 110), fill=(150, 100, 60))
        draw.text(
            (600, 200),
            "Bài học hôm nay",
            fill=(240, 240, 230),
            font=font("regular", 54),
            anchor="mm",
        )
        draw.text(
            (600, 300),
            "2 + 3 = 5    a  ă  â",
            fill=(240, 240, 230),
            font=font("regular", 48),
            anchor="mm",
        )
        for i in range(5):
            _person(draw, 200 + i * 200, 640, 1.2, palette[i % 6])
    elif motif == "flowers":
        for i in range(9):
            cx, cy = 120 + i * 125, 560 - (i % 3) * 40
            draw.line((cx, cy, cx, cy + 140), fill=(60, 140, 60), width=6)
            for k in range(6):
                a = k * math.pi / 3
                px, py = cx + 26 * math.cos(a), cy + 26 * math.sin(a)
                draw.ellipse((px - 20, py - 20, px + 20, py + 20), fill=palette[i % 6])
            draw.ellipse((cx - 14, cy - 14, cx + 14, cy + 14), fill=(255, 230, 120))
    elif motif == "trees":
        for i in range(5):
            x = 80 + i * 260
            draw.rectangle((x - 12, 480, x + 12, 600), fill=(110, 80, 50))
            draw.ellipse((x - 80, 340, x + 80, 500), fill=(60, 150, 70))
    elif motif == "balls":
        for i in range(6):
            draw.line((0, 620 + i * 30, WIDTH, 620 + i * 30), fill=(240, 240, 240), width=3)
        for i in range(4):
            x = 200 + i * 260
            draw.ellipse(
                (x - 45, 500, x + 45, 590), fill=(250, 250, 250), outline=(30, 30, 30), width=4
            )
            draw.polygon(
                [(x, 525), (x + 18, 540), (x + 11, 562), (x - 11, 562), (x - 18, 540)],
                fill=(30, 30, 30),
            )
    elif motif == "tunnel":
        for i in range(8):
            x = 40 + i * 160
            draw.ellipse((x - 90, 260, x + 90, 520), fill=(40 + i * 6, 110, 50))
        draw.ellipse((480, 560, 720, 700), fill=(50, 35, 25))
        draw.rectangle((560, 520, 640, 580), fill=(90, 140, 60))
    elif motif == "blossoms":
        for branch in range(3):
            x0 = 100 + branch * 420
            draw.line((x0, 560, x0 + 160, 150), fill=(100, 60, 40), width=10)
            for k in range(9):
                px = x0 + 20 + k * 18 + (k % 3) * 30
                py = 520 - k * 42
                for j in range(5):
                    a = j * 2 * math.pi / 5
                    draw.ellipse(
                        (
                            px + 12 * math.cos(a) - 10,
                            py + 12 * math.sin(a) - 10,
                            px + 12 * math.cos(a) + 10,
                            py + 12 * math.sin(a) + 10,
                        ),
                        fill=(255, 210, 40),
                    )
        for i in range(4):
            x = 260 + i * 220
            draw.rectangle((x, 600, x + 60, 690), fill=(210, 30, 40))
            draw.text((x + 30, 645), "Tết", fill=(255, 220, 90), font=font("bold", 26), anchor="mm")
    elif motif == "books":
        x = 160
        for i in range(14):
            w = 50 + (i * 7) % 30
            h = 160 + (i * 37) % 90
            draw.rectangle((x, 600 - h, x + w, 600), fill=palette[i % 6])
            x += w + 12
    elif motif == "flag":
        draw.line((600, 640, 600, 120), fill=(90, 90, 90), width=8)
        _flag(draw, 604, 120, 260)
    elif motif == "cross":
        draw.rounded_rectangle((470, 200, 730, 460), radius=30, fill=(255, 255, 255))
        draw.rectangle((570, 230, 630, 430), fill=(220, 40, 50))
        draw.rectangle((500, 300, 700, 360), fill=(220, 40, 50))
    elif motif == "notes":
        for i in range(7):
            x, y = 120 + i * 150, 200 + (i % 3) * 70
            draw.ellipse((x, y + 60, x + 44, y + 96), fill=palette[i % 6])
            draw.line((x + 42, y + 78, x + 42, y), fill=palette[i % 6], width=7)
            draw.line((x + 42, y, x + 80, y + 20), fill=palette[i % 6], width=7)
    elif motif == "palette":
        draw.ellipse((380, 200, 820, 520), fill=(240, 215, 170))
        for i in range(6):
            a = math.pi + i * math.pi / 6.5
            px, py = 600 + 160 * math.cos(a), 360 + 110 * math.sin(a)
            draw.ellipse((px - 30, py - 30, px + 30, py + 30), fill=palette[i])
    elif motif == "screens":
        for i in range(4):
            x = 130 + i * 260
            draw.rectangle((x, 380, x + 200, 520), fill=(30, 30, 40))
            draw.rectangle((x + 10, 390, x + 190, 510), fill=(80, 170, 230))
            draw.rectangle((x + 80, 520, x + 120, 560), fill=(60, 60, 70))
    elif motif == "bowls":
        for i in range(5):
            x = 170 + i * 210
            draw.chord((x - 80, 480, x + 80, 620), 0, 180, fill=palette[i % 6])
            draw.ellipse((x - 70, 470, x + 70, 510), fill=(255, 250, 240))
    elif motif == "garden":
        for row in range(3):
            for col in range(10):
                x, y = 80 + col * 110, 560 + row * 50
                draw.ellipse((x - 26, y - 18, x + 26, y + 18), fill=(70, 160 + row * 20, 60))
        _person(draw, 980, 520, 1.3, (231, 76, 60))


def _balloon(draw, x, y, colour):
    draw.ellipse((x - 30, y - 40, x + 30, y + 40), fill=colour)
    draw.line((x, y + 40, x + 8, y + 140), fill=(120, 120, 120), width=2)


@lru_cache(maxsize=64)
def scene_jpeg(key):
    """JPEG bytes (1200×800) of a scene with its caption; cached, so each is drawn once per run."""
    top, bottom, ground, motif, caption = SCENES[key]
    image = _gradient((WIDTH, HEIGHT), top, bottom)
    draw = ImageDraw.Draw(image)
    if motif not in ("lanterns",):
        draw.ellipse((1000, 60, 1110, 170), fill=(255, 220, 90))
    draw.ellipse((-200, 480, WIDTH + 200, 1100), fill=ground)
    if motif not in ("road", "tunnel", "flag", "cross", "palette", "books", "board", "meeting"):
        _school(draw, 360, 330, 1.0)
    _motif(draw, motif, key)
    # The caption sits inside the 16:9 middle band, so cropped thumbnails keep it.
    band = Image.new("RGBA", (WIDTH, 96), (0, 0, 0, 150))
    image.paste(band, (0, 628), band)
    draw.text((50, 676), caption, fill=(255, 255, 255), font=font("bold", 44), anchor="lm")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80, optimize=True)
    return out.getvalue()


def scene_caption(key):
    return SCENES[key][4]


def logo_png(letters, colour):
    """A round school badge with the school's initials."""
    size = 320
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    draw.ellipse((4, 4, size - 4, size - 4), fill=rgb, outline=(255, 255, 255), width=10)
    draw.ellipse((30, 30, size - 30, size - 30), outline=(255, 255, 255), width=4)
    _star(draw, size / 2, 92, 34, (255, 221, 0))
    draw.text((size / 2, 190), letters, fill=(255, 255, 255), font=font("bold", 74), anchor="mm")
    draw.text((size / 2, 258), "CỦ CHI", fill=(255, 255, 255), font=font("bold", 28), anchor="mm")
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def initials(name):
    """“Trường THCS Tân Thông Hội” → “TTH” (the badge and document-number abbreviation)."""
    words = [
        w
        for w in name.replace("Trường", "").split()
        if w not in ("THCS", "Tiểu", "học", "Mầm", "non")
    ]
    return "".join(w[0] for w in words).upper()
