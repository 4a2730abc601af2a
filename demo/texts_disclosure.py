"""What a demo school writes in its disclosure slots, by kind of item: under Thông tư
09/2009/TT-BGDĐT ("3 công khai") forms BM01–04 (MN), 05–08 (TH), 09–12 (THCS), accreditation (KD)
and finance (TC); under Thông tư 09/2024/TT-BGDĐT the articles Điều 4–9 and the annual report.

The regulations app creates the slots (``open_school_year``); this module only fills them.
Numbers are derived from the school's size so every school's tables differ; the September update
changes them a little."""

GRADES = {
    "MN": ("Nhà trẻ", "Mẫu giáo 3–4 tuổi", "Mẫu giáo 4–5 tuổi", "Mẫu giáo 5–6 tuổi"),
    "TH": ("Lớp 1", "Lớp 2", "Lớp 3", "Lớp 4", "Lớp 5"),
    "THCS": ("Lớp 6", "Lớp 7", "Lớp 8", "Lớp 9"),
}
LEVEL_NAME = {"MN": "mầm non", "TH": "tiểu học", "THCS": "trung học cơ sở"}
KINDS = ("commitment", "results", "facilities", "staff")
# Thông tư 09/2024: Điều 4 general information, 5 finance, 6/8 conditions, 7/9 plan and results,
# the annual report.
KINDS_2024 = {
    "D4": "commitment",
    "D5": "finance",
    "D6": "staff",
    "D8": "facilities",
    "D7": "results",
    "D9": "results",
    "BCTN": "accreditation",
}


def kind_of(code):
    suffix = code.rpartition(".")[2]
    if suffix.startswith("BM") and suffix[2:].isdigit():
        return KINDS[(int(suffix[2:]) - 1) % 4]
    return {"KD": "accreditation", "TC": "finance", **KINDS_2024}.get(suffix, "generic")


def _split(total, parts, rng):
    """Split a total into ``parts`` plausible, unequal counts."""
    weights = [rng.uniform(0.85, 1.15) for _ in range(parts)]
    counts = [int(total * w / sum(weights)) for w in weights]
    counts[-1] += total - sum(counts)
    return counts


def content(kind, level, stats, rng, stage, first_year):
    """Paragraphs and a table (columns, rows) for one item.

    ``stats``: pupils, classes, staff, school, commune, principal; ``stage``: "june" (first
    publication) or "september" (the start-of-year update)."""
    pupils = stats["pupils"] + (rng.randint(8, 30) if stage == "september" else 0)
    grades = GRADES[level]
    word = "trẻ" if level == "MN" else "học sinh"
    school_year = f"{first_year}-{first_year + 1}"
    previous = f"{first_year - 1}-{first_year}"
    following = f"{first_year + 1}-{first_year + 2}"
    when = f"tháng 6/{first_year}" if stage == "june" else f"cập nhật tháng 9/{first_year}"
    if kind == "commitment":
        rows = [
            [
                "1",
                "Điều kiện tuyển sinh",
                f"{word.capitalize()} trong độ tuổi, cư trú trên địa bàn xã {stats['commune']}",
            ],
            [
                "2",
                "Chương trình giáo dục",
                f"Chương trình giáo dục {LEVEL_NAME[level]} của Bộ Giáo dục và Đào tạo",
            ],
            [
                "3",
                "Phối hợp nhà trường – gia đình",
                "Họp cha mẹ học sinh 3 lần/năm; sổ liên lạc; trang thông tin điện tử",
            ],
            [
                "4",
                "Hoạt động hỗ trợ",
                "Bán trú, thư viện, câu lạc bộ năng khiếu, giáo dục kỹ năng sống",
            ],
            [
                "5",
                "Kết quả dự kiến đạt được",
                f"Trên 98% {word} hoàn thành chương trình; 100% được chăm sóc sức khỏe",
            ],
            [
                "6",
                "Khả năng học tập tiếp tục",
                "Chuyển cấp đúng độ tuổi, đạt chuẩn đầu ra của cấp học",
            ],
        ]
        paragraphs = [
            f"{stats['school']} cam kết chất lượng giáo dục năm học {school_year} ({when}).",
            "Nhà trường thực hiện đầy đủ chương trình, kế hoạch giáo dục; công khai để cha mẹ học "
            "sinh và xã hội giám sát.",
        ]
        return paragraphs, (["STT", "Nội dung", "Cam kết của nhà trường"], rows)
    if kind == "results":
        counts = _split(pupils, len(grades), rng)
        good = [int(c * rng.uniform(0.42, 0.6)) for c in counts]
        fair = [int(c * rng.uniform(0.28, 0.38)) for c in counts]
        rest = [c - g - f for c, g, f in zip(counts, good, fair, strict=False)]
        label = "Tổng số trẻ" if level == "MN" else "Tổng số học sinh"
        if level == "MN":
            labels = (
                "Trẻ phát triển bình thường",
                "Trẻ suy dinh dưỡng thể nhẹ cân",
                "Trẻ được khám sức khỏe",
            )
            rows = [
                ["1", label, str(pupils), *map(str, counts)],
                [
                    "2",
                    labels[0],
                    str(sum(good) + sum(fair)),
                    *[str(g + f) for g, f in zip(good, fair, strict=False)],
                ],
                ["3", labels[1], str(sum(1 for _ in counts)), *["1" for _ in counts]],
                ["4", labels[2], str(pupils), *map(str, counts)],
            ]
        else:
            # Primary schools assess by completion (TT30/2014), lower-secondary by grade bands.
            bands = (
                ("Hoàn thành tốt", "Hoàn thành", "Cần cố gắng")
                if level == "TH"
                else ("Học lực giỏi", "Học lực khá", "Học lực trung bình")
            )
            rows = [
                ["1", label, str(pupils), *map(str, counts)],
                ["2", bands[0], str(sum(good)), *map(str, good)],
                ["3", bands[1], str(sum(fair)), *map(str, fair)],
                ["4", bands[2], str(sum(rest)), *map(str, rest)],
                [
                    "5",
                    "Lên lớp / hoàn thành chương trình lớp học"
                    if level == "TH"
                    else "Lên lớp thẳng",
                    str(pupils - 3),
                    *[str(c - (1 if i < 3 else 0)) for i, c in enumerate(counts)],
                ],
            ]
        paragraphs = [
            f"Chất lượng giáo dục thực tế năm học {previous} của {stats['school']}, công khai "
            f"{when}.",
        ]
        return paragraphs, (["STT", "Nội dung", "Tổng số", *grades], rows)
    if kind == "facilities":
        rooms = stats["classes"] + rng.randint(0, 3)
        area = rng.randint(6000, 14000)
        rows = [
            ["1", "Số phòng học", str(rooms), f"{pupils / max(rooms, 1):.0f} {word}/phòng"],
            [
                "2",
                "Diện tích đất (m²)",
                f"{area:,}".replace(",", "."),
                f"{area / max(pupils, 1):.1f} m²/{word}",
            ],
            [
                "3",
                "Phòng chức năng (thư viện, thiết bị, tin học, y tế)",
                str(rng.randint(4, 7)),
                "",
            ],
            ["4", "Sân chơi, bãi tập (m²)", f"{rng.randint(1500, 4000):,}".replace(",", "."), ""],
            ["5", "Nhà vệ sinh đạt chuẩn", str(rng.randint(6, 12)), ""],
            ["6", "Máy vi tính phục vụ dạy học", str(rng.randint(12, 40)), ""],
        ]
        paragraphs = [f"Cơ sở vật chất của {stats['school']} năm học {school_year} ({when})."]
        return paragraphs, (["STT", "Nội dung", "Số lượng", "Bình quân"], rows)
    if kind == "staff":
        staff = stats["staff"] + (rng.randint(1, 3) if stage == "september" else 0)
        managers = 3 if level != "MN" or staff > 35 else 2
        others = max(6, staff // 6)
        teachers = staff - managers - others
        rows = [
            [
                "1",
                "Tổng số",
                str(staff),
                str(int(staff * 0.62)),
                str(int(staff * 0.2)),
                str(staff - int(staff * 0.62) - int(staff * 0.2)),
                str(int(staff * 0.7)),
            ],
            ["2", "Cán bộ quản lý", str(managers), str(managers), "0", "0", str(managers)],
            [
                "3",
                "Giáo viên",
                str(teachers),
                str(int(teachers * 0.66)),
                str(int(teachers * 0.22)),
                str(teachers - int(teachers * 0.66) - int(teachers * 0.22)),
                str(int(teachers * 0.72)),
            ],
            [
                "4",
                "Nhân viên",
                str(others),
                str(others // 3),
                str(others // 3),
                str(others - 2 * (others // 3)),
                "—",
            ],
        ]
        paragraphs = [
            f"Đội ngũ nhà giáo, cán bộ quản lý và nhân viên của {stats['school']} năm học "
            f"{school_year} ({when}). 100% đạt chuẩn trình độ đào tạo.",
        ]
        columns = [
            "STT",
            "Nội dung",
            "Tổng số",
            "Đại học",
            "Cao đẳng",
            "Trung cấp",
            "Chuẩn nghề nghiệp: Khá trở lên",
        ]
        return paragraphs, (columns, rows)
    if kind == "accreditation":
        year = first_year - rng.choice((1, 2, 3, 4))
        paragraphs = [
            f"{stats['school']} được công nhận đạt kiểm định chất lượng giáo dục cấp độ 2 năm "
            f"{year}; kế hoạch cải tiến chất lượng giai đoạn {first_year}-{first_year + 4} đã được Hội đồng trường "
            "thông qua.",
            "Nhà trường phấn đấu được công nhận lại đạt chuẩn quốc gia mức độ 1 trong năm học "
            f"{following}.",
        ]
        rows = [
            ["1", "Tự đánh giá chất lượng", f"Hoàn thành năm {year - 1}"],
            ["2", "Đánh giá ngoài, công nhận cấp độ", f"Cấp độ 2 – năm {year}"],
            ["3", "Chuẩn quốc gia", f"Kế hoạch công nhận lại năm học {following}"],
        ]
        return paragraphs, (["STT", "Nội dung", "Kết quả / kế hoạch"], rows)
    if kind == "finance":
        meals = (
            "Tiền ăn bán trú"
            if level == "MN" or stats.get("serves_meals")
            else "Tiền tổ chức học 2 buổi/ngày"
        )
        rows = [
            [
                "1",
                "Học phí (theo mức Thành phố quy định)",
                "Miễn" if level == "TH" else f"{rng.choice((30, 40, 60))}.000 đ/tháng",
                "Miễn, giảm theo Nghị định 86/2015/NĐ-CP",
            ],
            ["2", "Bảo hiểm y tế học sinh", "568.000 đ/năm", "Thu hộ theo quy định"],
            [
                "3",
                meals,
                f"{rng.choice((18, 20, 22, 25))}.000 đ/ngày",
                "Thỏa thuận với cha mẹ học sinh",
            ],
            ["4", "Vệ sinh bán trú", f"{rng.choice((20, 25, 30))}.000 đ/tháng", "Thỏa thuận"],
            [
                "5",
                f"Tổng thu sự nghiệp năm {first_year} (triệu đồng)",
                f"{rng.randint(900, 2600)}",
                "Theo báo cáo quyết toán",
            ],
            [
                "6",
                "Thu nhập bình quân cán bộ, giáo viên",
                f"{rng.randint(7, 9)},{rng.randint(0, 9)} triệu đ/tháng",
                f"Năm {first_year}",
            ],
        ]
        paragraphs = [
            f"Công khai thu chi tài chính năm học {school_year} của {stats['school']} ({when}).",
            "Nhà trường không thu các khoản ngoài danh mục; mọi khoản thu thỏa thuận đều có biên "
            "bản thống nhất với Ban đại diện cha mẹ học sinh.",
        ]
        return paragraphs, (["STT", "Khoản mục", "Mức thu / số liệu", "Ghi chú"], rows)
    paragraphs = [f"{stats['school']} công khai nội dung này năm học {school_year} ({when})."]
    return paragraphs, None
