"""The catalogue seeded on migrate (domain/regulations.md). Office admins edit it afterwards in
the admin; a change here needs a new data migration, never an edit of an applied one.

Confidence: A = regulation text or agreeing summaries; B = how schools published it;
C = to be confirmed by the office."""

import datetime

from tenants.models import Level

PROFILES = [
    {
        "code": "TT09_2009",
        "short_name": "Thông tư 09/2009/TT-BGDĐT",
        "title": (
            "Quy chế thực hiện công khai đối với cơ sở giáo dục của hệ thống giáo dục quốc dân"
        ),
        "valid_from": datetime.date(2009, 6, 22),
        "valid_until": datetime.date(2018, 2, 12),
        "unit": "Biểu mẫu theo cấp học; công khai trên trang thông tin điện tử, bảng tin, "
        "họp cha mẹ học sinh đầu năm",
        "confidence": "A",
        "notes": "Hiệu lực đến 12/02/2018 [A]; ngày bắt đầu hiệu lực 22/06/2009 [C].",
    },
    {
        "code": "TT36_2017",
        "short_name": "Thông tư 36/2017/TT-BGDĐT",
        "title": (
            "Quy chế thực hiện công khai đối với cơ sở giáo dục và đào tạo "
            "thuộc hệ thống giáo dục quốc dân"
        ),
        "valid_from": datetime.date(2018, 2, 13),
        "valid_until": datetime.date(2024, 7, 18),
        "unit": "Biểu mẫu theo cấp học (21 biểu mẫu cho mọi loại cơ sở); niêm yết ít nhất 30 "
        "ngày liên tục",
        "confidence": "A",
        "notes": "Hiệu lực 13/02/2018 → 18/07/2024 [A].",
    },
    {
        "code": "TT09_2024",
        "short_name": "Thông tư 09/2024/TT-BGDĐT",
        "title": (
            "Quy định về công khai trong hoạt động của các cơ sở giáo dục "
            "thuộc hệ thống giáo dục quốc dân"
        ),
        "valid_from": datetime.date(2024, 7, 19),
        "valid_until": None,
        "unit": "Nội dung theo Điều 4–9 và báo cáo thường niên (PDF); trang thông tin điện tử "
        "là kênh công khai chính; lưu giữ trực tuyến ít nhất 5 năm",
        "transition_deadline": datetime.date(2024, 9, 30),
        "confidence": "A",
        "notes": (
            "Hiệu lực từ 19/07/2024 [A]. Hạn cho năm học chuyển tiếp 2024-2025 (30/09/2024) "
            "là giá trị mặc định [C], Phòng/Sở xác nhận."
        ),
    },
]

OLD_YEARLY = "yearly_june_update_september"
NEW_YEARLY = "yearly_before_june_30"
WITHIN_10 = "within_working_days(10)"
RETAIN_5 = "retain_years(5)"

_MN, _TH, _THCS = ("MN",), ("TH",), ("THCS",)
_ALL = tuple(Level.values)  # the school levels, declared once in tenants.models

_STAFF_COLUMNS = [
    "STT",
    "Nội dung",
    "Tổng số",
    "Tiến sĩ",
    "Thạc sĩ",
    "Đại học",
    "Cao đẳng",
    "Trung cấp",
    "Dưới trung cấp",
    "Hạng IV",
    "Hạng III",
    "Hạng II",
    "Chuẩn nghề nghiệp: Tốt",
    "Khá",
    "Đạt",
    "Chưa đạt",
]
_FACILITY_COLUMNS = ["STT", "Nội dung", "Số lượng", "Bình quân"]

_COMMITMENT_ROWS_TH = [
    "Điều kiện tuyển sinh",
    "Chương trình giáo dục mà cơ sở giáo dục tuân thủ",
    "Yêu cầu về phối hợp giữa cơ sở giáo dục và gia đình; yêu cầu về thái độ học tập của học sinh",
    "Các hoạt động hỗ trợ học tập, sinh hoạt của học sinh ở cơ sở giáo dục",
    "Kết quả năng lực, phẩm chất, học tập và sức khỏe của học sinh dự kiến đạt được",
    "Khả năng học tập tiếp tục của học sinh",
]
_COMMITMENT_ROWS_THCS = [
    "Điều kiện tuyển sinh",
    "Chương trình giáo dục mà cơ sở giáo dục thực hiện",
    "Yêu cầu về phối hợp giữa cơ sở giáo dục và gia đình; yêu cầu về thái độ học tập của học sinh",
    "Các hoạt động hỗ trợ học tập, sinh hoạt của học sinh ở cơ sở giáo dục",
    "Kết quả đạo đức, học tập, sức khỏe của học sinh dự kiến đạt được",
    "Khả năng học tập tiếp tục của học sinh",
]
_COMMITMENT_ROWS_MN = [
    "Chất lượng nuôi dưỡng, chăm sóc, giáo dục trẻ dự kiến đạt được",
    "Chương trình giáo dục mầm non của nhà trường thực hiện",
    "Kết quả đạt được trên trẻ theo các lĩnh vực phát triển",
    "Các hoạt động hỗ trợ chăm sóc, giáo dục trẻ ở cơ sở giáo dục mầm non",
]

GROUP_QUALITY = "1. Cam kết chất lượng giáo dục và chất lượng giáo dục thực tế"
GROUP_CONDITIONS = "2. Điều kiện đảm bảo chất lượng giáo dục"
GROUP_FINANCE = "3. Thu chi tài chính"


def _form(
    profile, number, title, group, levels, columns, rows=(), confidence="B", columns_conf="B"
):
    return {
        "profile": profile,
        "code": f"{profile}.BM{number:02d}",
        "title": f"Biểu mẫu {number:02d} – {title}",
        "group": group,
        "kind": "form",
        "levels": levels,
        "columns": list(columns),
        "rows": list(rows),
        "deadline_rule": OLD_YEARLY,
        "confidence": confidence,
        "notes": f"Số biểu mẫu theo cấp học [{confidence}]; tiêu đề cột [{columns_conf}].",
        "sort_order": number,
    }


def _old_profile_items(profile):
    level_forms = [
        (_MN, 1, "mầm non"),
        (_TH, 5, "tiểu học"),
        (_THCS, 9, "trung học cơ sở"),
    ]
    grades = {
        "MN": ["Nhà trẻ", "Mẫu giáo"],
        "TH": ["Lớp 1", "Lớp 2", "Lớp 3", "Lớp 4", "Lớp 5"],
        "THCS": ["Lớp 6", "Lớp 7", "Lớp 8", "Lớp 9"],
    }
    results_columns = {
        "MN": [
            "STT",
            "Nội dung",
            "Tổng số trẻ em",
            "Nhà trẻ 3–12 tháng tuổi",
            "Nhà trẻ 13–24 tháng tuổi",
            "Nhà trẻ 25–36 tháng tuổi",
            "Mẫu giáo 3–4 tuổi",
            "Mẫu giáo 4–5 tuổi",
            "Mẫu giáo 5–6 tuổi",
        ],
        "TH": ["STT", "Nội dung", "Tổng số", *grades["TH"]],
        "THCS": ["STT", "Nội dung", "Tổng số", *grades["THCS"]],
    }
    commitment_rows = {
        "MN": _COMMITMENT_ROWS_MN,
        "TH": _COMMITMENT_ROWS_TH,
        "THCS": _COMMITMENT_ROWS_THCS,
    }
    items = []
    for levels, first, name in level_forms:
        level = levels[0]
        exact = level != "MN" and profile == "TT36_2017"
        items += [
            _form(
                profile,
                first,
                f"Cam kết chất lượng giáo dục của cơ sở giáo dục {name}",
                GROUP_QUALITY,
                levels,
                ["STT", "Nội dung", *grades[level]],
                commitment_rows[level],
                confidence="A" if exact else "B",
                columns_conf="A" if level == "TH" else "B",
            ),
            _form(
                profile,
                first + 1,
                f"Chất lượng giáo dục thực tế của cơ sở giáo dục {name}",
                GROUP_QUALITY,
                levels,
                results_columns[level],
                confidence="A" if exact else "B",
                columns_conf="A" if level == "THCS" else "B",
            ),
            _form(
                profile,
                first + 2,
                f"Cơ sở vật chất của cơ sở giáo dục {name}",
                GROUP_CONDITIONS,
                levels,
                _FACILITY_COLUMNS,
                confidence="A" if exact else "B",
            ),
            _form(
                profile,
                first + 3,
                f"Đội ngũ nhà giáo, cán bộ quản lý và nhân viên của cơ sở giáo dục {name}",
                GROUP_CONDITIONS,
                levels,
                _STAFF_COLUMNS,
                confidence="A" if exact else "B",
            ),
        ]
    items += [
        {
            "profile": profile,
            "code": f"{profile}.KD",
            "title": "Kiểm định chất lượng giáo dục, kế hoạch và kết quả xây dựng trường đạt "
            "chuẩn quốc gia",
            "group": GROUP_QUALITY,
            "kind": "topic",
            "levels": _ALL,
            "deadline_rule": OLD_YEARLY,
            "confidence": "C",
            "notes": "Thuộc nhóm 1 [C]: Phòng/Sở xác nhận có tách thành mục riêng hay không.",
            "sort_order": 20,
        },
        {
            "profile": profile,
            "code": f"{profile}.TC",
            "title": "Công khai thu chi tài chính",
            "group": GROUP_FINANCE,
            "description": "Các khoản thu theo năm học và dự kiến cả cấp học, chi tài chính, "
            "thu nhập của cán bộ, miễn giảm học phí, kết quả kiểm toán.",
            "kind": "topic",
            "levels": _ALL,
            "deadline_rule": OLD_YEARLY,
            "confidence": "C",
            "notes": "Nhóm 3 [A]; danh sách nội dung chi tiết [C].",
            "sort_order": 30,
        },
    ]
    return items


def _tt09_2024_items():
    profile = "TT09_2024"
    base = {
        "profile": profile,
        "deadline_rule": NEW_YEARLY,
        "update_rule": WITHIN_10,
        "retention_rule": RETAIN_5,
        "confidence": "A",
    }
    return [
        {
            **base,
            "code": "TT09_2024.D4",
            "title": "Điều 4 – Thông tin chung",
            "group": "Thông tin chung",
            "description": "Tên; địa chỉ, điện thoại, email, trang thông tin; loại hình, cơ quan "
            "quản lý; sứ mạng, tầm nhìn, mục tiêu; lịch sử; người đại diện theo pháp luật, người "
            "phát ngôn; tổ chức bộ máy (quyết định thành lập, hội đồng trường, hiệu trưởng, phó "
            "hiệu trưởng, sơ đồ tổ chức, các đơn vị, thông tin liên hệ của lãnh đạo).",
            "kind": "topic",
            "levels": _ALL,
            "sort_order": 4,
        },
        {
            **base,
            "code": "TT09_2024.D5",
            "title": "Điều 5 – Thu, chi tài chính",
            "group": "Thu, chi tài chính",
            "description": "Tình hình tài chính năm tài chính trước; các khoản thu của người học "
            "năm học hiện tại và dự kiến cho cả cấp học (trước khi tuyển sinh); miễn giảm, học "
            "bổng; số dư các quỹ.",
            "kind": "topic",
            "levels": _ALL,
            "sort_order": 5,
        },
        {
            **base,
            "code": "TT09_2024.D6",
            "title": "Điều 6 – Điều kiện bảo đảm chất lượng (mầm non)",
            "group": "Điều kiện bảo đảm chất lượng",
            "description": "Đội ngũ theo vị trí việc làm và trình độ, tỷ lệ đạt chuẩn và được bồi "
            "dưỡng; cơ sở vật chất so với tiêu chuẩn tối thiểu; tự đánh giá, kiểm định chất lượng.",
            "kind": "topic",
            "levels": _MN,
            "sort_order": 6,
        },
        {
            **base,
            "code": "TT09_2024.D7",
            "title": "Điều 7 – Kế hoạch và kết quả hoạt động (mầm non)",
            "group": "Kế hoạch và kết quả",
            "description": "Kế hoạch năm học (tuyển sinh, chăm sóc giáo dục, phối hợp với gia "
            "đình, thực đơn hằng ngày, dịch vụ); kết quả năm học trước (số trẻ, số nhóm lớp, học "
            "2 buổi/ngày, bán trú, khám sức khỏe).",
            "kind": "topic",
            "levels": _MN,
            "sort_order": 7,
        },
        {
            **base,
            "code": "TT09_2024.D8",
            "title": "Điều 8 – Điều kiện bảo đảm chất lượng",
            "group": "Điều kiện bảo đảm chất lượng",
            "description": "Đội ngũ; cơ sở vật chất, thiết bị so với tiêu chuẩn; danh mục sách "
            "giáo khoa đang sử dụng; tự đánh giá, kiểm định chất lượng.",
            "kind": "topic",
            "levels": ("TH", "THCS"),
            "sort_order": 8,
        },
        {
            **base,
            "code": "TT09_2024.D9",
            "title": "Điều 9 – Kế hoạch và kết quả hoạt động",
            "group": "Kế hoạch và kết quả",
            "description": "Kế hoạch tuyển sinh, kế hoạch giáo dục của nhà trường, phối hợp với "
            "gia đình, thực đơn (nếu có); kết quả năm học trước theo khối lớp.",
            "kind": "topic",
            "levels": ("TH", "THCS"),
            "confidence": "A",
            "notes": "Điều 9 [A]; danh sách nội dung chi tiết [C].",
            "sort_order": 9,
        },
        {
            **base,
            "code": "TT09_2024.BCTN",
            "title": "Báo cáo thường niên",
            "group": "Báo cáo thường niên",
            "description": "Báo cáo thường niên của năm dương lịch trước, số liệu tính đến 31/12, "
            "định dạng PDF.",
            "kind": "annual_report",
            "levels": _ALL,
            "accepted_formats": "pdf",
            "notes": "Hạn trước 30/6 [A]; mẫu theo Phụ lục I của Thông tư [C].",
            "sort_order": 10,
        },
        {
            "profile": profile,
            "code": "TT09_2024.KH_THANG",
            "title": "Kế hoạch giáo dục tháng",
            "group": "Công khai định kỳ",
            "description": "Kế hoạch giáo dục của tháng, công khai trước ngày 25 của tháng trước.",
            "kind": "recurring",
            "source": "plan_month",
            "levels": _MN,
            "deadline_rule": "monthly_before_day(25)",
            "confidence": "A",
            "sort_order": 20,
        },
        {
            "profile": profile,
            "code": "TT09_2024.KH_TUAN",
            "title": "Kế hoạch giáo dục tuần, ngày",
            "group": "Công khai định kỳ",
            "description": "Kế hoạch tuần và kế hoạch ngày, công khai trước thứ Bảy của tuần "
            "trước.",
            "kind": "recurring",
            "source": "plan_week",
            "levels": _MN,
            "deadline_rule": "weekly_before_saturday",
            "confidence": "A",
            "sort_order": 21,
        },
        {
            "profile": profile,
            "code": "TT09_2024.THUC_DON",
            "title": "Thực đơn",
            "group": "Công khai định kỳ",
            "description": "Thực đơn của tuần, công khai trước thứ Bảy của tuần trước; tiểu học và "
            "THCS chỉ khi có tổ chức bán trú.",
            "kind": "recurring",
            "source": "menu",
            "levels": _ALL,
            "meals_only": True,
            "deadline_rule": "weekly_before_saturday",
            "confidence": "A",
            "sort_order": 22,
        },
    ]


ITEMS = _old_profile_items("TT09_2009") + _old_profile_items("TT36_2017") + _tt09_2024_items()


def seed(apps, schema_editor=None):
    """Create the profiles and items if absent (used by the data migration; idempotent)."""
    Profile = apps.get_model("regulations", "Profile")
    Item = apps.get_model("regulations", "Item")
    ItemVersion = apps.get_model("regulations", "ItemVersion")
    profiles = {}
    for data in PROFILES:
        profile, _created = Profile.objects.get_or_create(code=data["code"], defaults=data)
        profiles[profile.code] = profile
    for spec in ITEMS:
        if Item.objects.filter(code=spec["code"]).exists():
            continue
        levels = spec["levels"]
        fields = {
            "code": spec["code"],
            "title": spec["title"],
            "group": spec.get("group", ""),
            "description": spec.get("description", ""),
            "kind": spec["kind"],
            "for_mn": "MN" in levels,
            "for_th": "TH" in levels,
            "for_thcs": "THCS" in levels,
            "meals_only": spec.get("meals_only", False),
            "source": spec.get("source", ""),
            "accepted_formats": spec.get("accepted_formats", "pdf,xlsx,docx"),
            "columns": spec.get("columns", []),
            "rows": spec.get("rows", []),
            "deadline_rule": spec["deadline_rule"],
            "update_rule": spec.get("update_rule", ""),
            "retention_rule": spec.get("retention_rule", ""),
            "confidence": spec.get("confidence", "A"),
            "sort_order": spec.get("sort_order", 0),
            "is_active": True,
        }
        item = Item.objects.create(
            profile=profiles[spec["profile"]], notes=spec.get("notes", ""), version=1, **fields
        )
        # Historical models (the migration) lack Item.save()'s versioning: write version 1.
        if not ItemVersion.objects.filter(item=item).exists():
            ItemVersion.objects.create(
                item=item, version=1, data={**fields, "profile": spec["profile"]}
            )
