"""Everything a demo school publishes besides news: announcements, documents, forms, the
introduction pages, admissions, contact messages, menus, work schedules and plans.
Placeholders as in ``texts_news``."""

from .texts_news import ALL, MN, SCHOOLS, TH, THCS, d

# ---------------------------------------------------------------- announcements
ANNOUNCEMENT_OPENINGS = (
    "{school} trân trọng thông báo đến {parents}:",
    "Ban giám hiệu {school} thông báo:",
    "{school} (xã {commune}) kính gửi thông báo đến {parents} và {pupils}:",
    "Nhà trường thông báo để {parents} của {n_classes} lớp được biết:",
)
ANNOUNCEMENT_CONTACTS = (
    "Mọi thắc mắc, {parents} vui lòng liên hệ văn phòng trường, điện thoại {phone}, hoặc gặp "
    "thầy (cô) {vice}, Phó Hiệu trưởng.",
    "Thông tin chi tiết xin liên hệ thầy (cô) {vice} – Phó Hiệu trưởng {short}, điện thoại "
    "{phone}, trong giờ hành chính.",
    "{parents} cần hỏi thêm xin gọi số {phone} (văn phòng {short}) hoặc gửi ý kiến qua mục "
    "Liên hệ trên trang thông tin của trường.",
    "Nhà trường tiếp nhận ý kiến của {parents} tại văn phòng (điện thoại {phone}); người phụ "
    "trách: {vice}.",
)
# priority: normal / important / urgent; audience: all / grade / class (detail from the school)
ANNOUNCEMENTS = (
    {
        "key": "hop-phu-huynh",
        "levels": ALL,
        "date": d(2016, 9, 6),
        "title": "Thông báo lịch họp cha mẹ học sinh đầu năm học 2016-2017",
        "priority": "important",
        "audience": "all",
        "valid_days": 5,
        "paragraphs": (
            "Nhà trường trân trọng kính mời {parents} đến dự buổi họp đầu năm học 2016-2017 vào "
            "lúc 7 giờ 30 sáng thứ Bảy, ngày 10/09/2016, tại phòng học của lớp.",
            "Nội dung: thông qua kế hoạch giáo dục năm học, nội quy, các khoản thu; bầu Ban đại "
            "diện cha mẹ học sinh của lớp; giới thiệu trang thông tin điện tử của trường.",
            "Kính đề nghị {parents} sắp xếp thời gian đến dự đầy đủ, đúng giờ.",
        ),
    },
    {
        "key": "khoan-thu",
        "levels": ALL,
        "date": d(2016, 9, 12),
        "title": "Thông báo các khoản thu năm học 2016-2017",
        "priority": "normal",
        "audience": "all",
        "paragraphs": (
            "Căn cứ hướng dẫn của Phòng Giáo dục và Đào tạo huyện Củ Chi về các khoản thu năm học "
            "2016-2017, nhà trường thông báo đến {parents} các khoản thu như sau:",
            "Học phí: miễn theo quy định (đối với cấp tiểu học) hoặc theo mức Thành phố quy định; "
            "bảo hiểm y tế học sinh: 12 tháng; tiền tổ chức học hai buổi/ngày, bán trú, vệ sinh "
            "bán trú: theo thỏa thuận đã thống nhất tại buổi họp cha mẹ học sinh.",
            "Thời gian thu: từ ngày 15/09 đến 30/09/2016 tại phòng kế toán, trong giờ hành chính. "
            "Nhà trường không thu bất kỳ khoản nào ngoài danh mục đã công khai.",
        ),
    },
    {
        "key": "sot-xuat-huyet",
        "levels": ALL,
        "date": d(2016, 10, 10),
        "title": "Thông báo khẩn: phòng chống dịch sốt xuất huyết",
        "priority": "urgent",
        "audience": "all",
        "valid_days": 21,
        "paragraphs": (
            "Hiện nay trên địa bàn xã {commune} ghi nhận nhiều ca sốt xuất huyết. Nhà trường đề nghị "
            "{parents} thực hiện ngay các biện pháp phòng bệnh: diệt lăng quăng, ngủ mùng kể cả ban "
            "ngày, đậy kín dụng cụ chứa nước.",
            "Khi con sốt cao liên tục, xuất hiện chấm đỏ dưới da, đau bụng hoặc nôn, cần đưa con đến "
            "cơ sở y tế ngay và báo cho giáo viên chủ nhiệm.",
        ),
    },
    {
        "key": "tham-quan",
        "levels": SCHOOLS,
        "date": d(2016, 12, 5),
        "title": "Thông báo {class_a} tham quan Khu di tích Địa đạo Củ Chi",
        "priority": "normal",
        "audience": "class",
        "detail": "class_a_label",
        "paragraphs": (
            "{class_a} sẽ tham quan, học tập tại Khu di tích lịch sử Địa đạo Củ Chi vào ngày "
            "09/12/2016. Xe xuất phát tại cổng trường lúc 7 giờ 00 và về trường lúc 11 giờ 00.",
            "{parents} vui lòng cho con mặc đồng phục, mang theo nón, nước uống và ký giấy đồng ý "
            "gửi giáo viên chủ nhiệm trước ngày 07/12/2016.",
        ),
    },
    {
        "key": "tham-quan-mn",
        "levels": (MN,),
        "date": d(2016, 12, 5),
        "title": "Thông báo {class_a} đi dã ngoại Vườn rau Thái Mỹ",
        "priority": "normal",
        "audience": "class",
        "detail": "class_a_label",
        "paragraphs": (
            "Các bé {class_a} sẽ đi dã ngoại tham quan vườn rau sạch tại xã Thái Mỹ vào sáng ngày "
            "09/12/2016, có cô giáo và nhân viên đi cùng.",
            "{parents} vui lòng cho bé ăn sáng ở nhà, mặc quần áo gọn gàng, mang nón và bình nước; "
            "ký giấy đồng ý gửi cô chủ nhiệm trước ngày 07/12/2016.",
        ),
    },
    {
        "key": "kiem-tra-hk1",
        "levels": SCHOOLS,
        "date": d(2016, 12, 14),
        "title": "Thông báo lịch kiểm tra cuối học kỳ I {top_grade_cap}",
        "priority": "important",
        "audience": "grade",
        "detail": "top_grade_label",
        "valid_days": 14,
        "paragraphs": (
            "Lịch kiểm tra cuối học kỳ I của {top_grade} bắt đầu từ ngày 26/12/2016. Học sinh có mặt "
            "tại trường lúc 7 giờ 00, mang theo dụng cụ học tập cần thiết.",
            "Nhà trường đề nghị {parents} nhắc nhở con em ôn tập, nghỉ ngơi hợp lý và đi học đúng giờ "
            "trong những ngày kiểm tra.",
        ),
    },
    {
        "key": "vitamin-a",
        "levels": (MN,),
        "date": d(2016, 11, 28),
        "title": "Thông báo cho trẻ uống vitamin A đợt 2 năm 2016",
        "priority": "normal",
        "audience": "grade",
        "detail": "Nhà trẻ và Mẫu giáo",
        "paragraphs": (
            "Phối hợp với Trạm y tế xã {commune}, nhà trường tổ chức cho trẻ từ 6 đến 36 tháng tuổi "
            "uống vitamin A vào ngày 01/12/2016 tại trường.",
            "{parents} có con bị dị ứng hoặc đang uống thuốc, xin báo cô chủ nhiệm trước ngày "
            "30/11/2016.",
        ),
    },
    {
        "key": "nghi-tet",
        "levels": ALL,
        "date": d(2017, 1, 16),
        "title": "Thông báo lịch nghỉ Tết Nguyên đán Đinh Dậu 2017",
        "priority": "important",
        "audience": "all",
        "valid_days": 20,
        "paragraphs": (
            "Thực hiện khung kế hoạch thời gian năm học của Ủy ban nhân dân Thành phố, {pupils} được "
            "nghỉ Tết Nguyên đán Đinh Dậu từ ngày 23/01/2017 đến hết ngày 05/02/2017 và đi học lại "
            "vào thứ Hai, ngày 06/02/2017.",
            "Nhà trường đề nghị {parents} quản lý con em trong dịp Tết, không cho con chơi gần sông, "
            "kênh rạch, không đốt pháo và chấp hành an toàn giao thông.",
        ),
    },
    {
        "key": "nghi-30-4",
        "levels": ALL,
        "date": d(2017, 4, 24),
        "title": "Thông báo nghỉ lễ 30/4 và 1/5/2017",
        "priority": "normal",
        "audience": "all",
        "paragraphs": (
            "Nhân dịp kỷ niệm ngày Giải phóng miền Nam và ngày Quốc tế Lao động, {pupils} được nghỉ "
            "học từ ngày 29/04/2017 đến hết ngày 02/05/2017, đi học lại vào thứ Tư, ngày 03/05/2017.",
            "Kính chúc {parents} và {pupils} kỳ nghỉ lễ vui vẻ, an toàn.",
        ),
    },
    {
        "key": "nang-nong",
        "levels": ALL,
        "date": d(2017, 4, 10),
        "title": "Thông báo khẩn: điều chỉnh hoạt động ngoài trời do nắng nóng",
        "priority": "urgent",
        "audience": "all",
        "valid_days": 14,
        "paragraphs": (
            "Do nắng nóng gay gắt kéo dài, từ ngày 11/04/2017 nhà trường tạm ngưng các hoạt động "
            "ngoài trời từ 9 giờ 30 đến 15 giờ 00; giờ chào cờ đầu tuần tổ chức trong hội trường.",
            "{parents} vui lòng cho con mang theo bình nước, mặc quần áo thoáng mát.",
        ),
    },
    {
        "key": "tuyen-sinh",
        "levels": ALL,
        "date": d(2017, 5, 15),
        "title": "Thông báo tuyển sinh năm học 2017-2018",
        "priority": "important",
        "audience": "all",
        "valid_days": 45,
        "paragraphs": (
            "Nhà trường thông báo kế hoạch tuyển sinh năm học 2017-2018: nhận hồ sơ từ ngày "
            "01/06/2017 đến 30/06/2017 tại văn phòng trường, trong giờ hành chính.",
            "Chi tiết về đối tượng, chỉ tiêu, hồ sơ và lịch tuyển sinh xem tại mục Tuyển sinh của "
            "trang thông tin điện tử nhà trường.",
        ),
    },
)

# ---------------------------------------------------------------- documents
# Documents from above, re-posted by schools (each school keeps its own copy in its collection).
OFFICE_DOCUMENTS = (
    {
        "key": "1503",
        "number": "1503/GDĐT-VP",
        "doc_type": "huong-dan",
        "issuer_level": "phong",
        "issuer_name": "Phòng Giáo dục và Đào tạo huyện Củ Chi",
        "issued_on": d(2016, 10, 21),
        "signer": "{office_deputy_title} {office_deputy}",
        "summary": "Hướng dẫn tổ chức, xây dựng và vận hành trang thông tin điện tử hoặc cổng thông "
        "tin điện tử của đơn vị giáo dục.",
        "paragraphs": (
            "Căn cứ Thông tư 53/2012/TT-BGDĐT quy định về tổ chức hoạt động, sử dụng thư điện tử và "
            "cổng thông tin điện tử tại sở, phòng giáo dục và đào tạo và các cơ sở giáo dục mầm "
            "non, giáo dục phổ thông và giáo dục thường xuyên;",
            "Phòng Giáo dục và Đào tạo hướng dẫn các đơn vị xây dựng trang thông tin điện tử theo "
            "cấu trúc thống nhất gồm: Giới thiệu; Tin tức – Sự kiện; Thông báo; Công khai; Văn bản; "
            "Tuyển sinh; Kế hoạch giáo dục; Thực đơn (mầm non và trường có bán trú); Lịch công tác; "
            "Biểu mẫu – Thủ tục; Liên hệ.",
            "Mỗi đơn vị thành lập Ban biên tập do Hiệu trưởng làm Trưởng ban; tin bài được Ban giám "
            "hiệu duyệt trước khi đăng; cập nhật tối thiểu mỗi tuần một tin hoạt động.",
        ),
    },
    {
        "key": "1509",
        "number": "1509/GDĐT-VP",
        "doc_type": "ke-hoach",
        "issuer_level": "phong",
        "issuer_name": "Phòng Giáo dục và Đào tạo huyện Củ Chi",
        "issued_on": d(2016, 10, 31),
        "signer": "{office_deputy_title} {office_deputy}",
        "summary": "Triển khai kế hoạch xây dựng và vận hành trang thông tin điện tử hoặc cổng thông "
        "tin điện tử của đơn vị giáo dục năm học 2016-2017.",
        "paragraphs": (
            "Thực hiện văn bản số 1503/GDĐT-VP ngày 21/10/2016, Phòng Giáo dục và Đào tạo triển "
            "khai kế hoạch xây dựng và vận hành trang thông tin điện tử của các đơn vị năm học "
            "2016-2017.",
            "Tiến độ: tập huấn cán bộ phụ trách trước ngày 05/11/2016; hoàn thiện cấu trúc trang "
            "trước ngày 25/11/2016; cập nhật thường xuyên trong suốt năm học; Phòng kiểm tra định "
            "kỳ và đột xuất.",
        ),
    },
    {
        "key": "1636",
        "number": "1636/GDĐT-VP",
        "doc_type": "cong-van",
        "issuer_level": "phong",
        "issuer_name": "Phòng Giáo dục và Đào tạo huyện Củ Chi",
        "issued_on": d(2016, 11, 16),
        "signer": "{office_deputy_title} {office_deputy}",
        "summary": "Về tiến độ cập nhật thông tin trên website Cổng thông tin điện tử của các đơn vị "
        "trường học.",
        "seed_text": True,
    },
    {
        "key": "kh-kiem-tra",
        "number": "245/KH-GDĐT",
        "doc_type": "ke-hoach",
        "issuer_level": "phong",
        "issuer_name": "Phòng Giáo dục và Đào tạo huyện Củ Chi",
        "issued_on": d(2017, 3, 1),
        "signer": "{office_head_title} {office_head}",
        "summary": "Kế hoạch kiểm tra công tác xây dựng, cập nhật trang thông tin điện tử và thực "
        "hiện công khai của các trường năm học 2016-2017.",
        "paragraphs": (
            "Thời gian kiểm tra: từ ngày 13/03/2017 đến ngày 17/03/2017, tại tất cả các trường mầm "
            "non, tiểu học, trung học cơ sở trên địa bàn huyện.",
            "Nội dung: cấu trúc trang theo văn bản 1503/GDĐT-VP; số lượng, tần suất và chất lượng "
            "tin bài kể từ đầu năm học; công khai theo Thông tư 09/2009/TT-BGDĐT; thực đơn, kế "
            "hoạch, lịch công tác hằng tuần.",
            "Căn cứ đánh giá là nhật ký xuất bản của hệ thống; các bài đăng dồn, sao chép, sơ sài "
            "hoặc ghi lùi ngày sẽ bị trừ điểm thi đua.",
        ),
    },
    {
        "key": "tt09",
        "number": "09/2009/TT-BGDĐT",
        "doc_type": "thong-tu",
        "issuer_level": "bo",
        "issuer_name": "Bộ Giáo dục và Đào tạo",
        "issued_on": d(2009, 5, 7),
        "effective_on": d(2009, 6, 22),
        "signer": "",
        "summary": "Ban hành Quy chế thực hiện công khai đối với cơ sở giáo dục của hệ thống giáo "
        "dục quốc dân.",
        "paragraphs": (
            "Quy chế quy định nội dung, hình thức và thời điểm công khai: cam kết chất lượng giáo "
            "dục và chất lượng giáo dục thực tế; điều kiện đảm bảo chất lượng giáo dục; thu chi "
            "tài chính.",
            "Cơ sở giáo dục công khai trên trang thông tin điện tử, niêm yết tại trụ sở và phổ biến "
            "trong cuộc họp cha mẹ học sinh đầu năm học; công khai vào tháng 6 hằng năm và cập nhật "
            "đầu năm học (tháng 9) hoặc khi có thay đổi.",
        ),
    },
    {
        "key": "chi-thi-3031",
        "number": "3031/CT-BGDĐT",
        "doc_type": "chi-thi",
        "issuer_level": "bo",
        "issuer_name": "Bộ Giáo dục và Đào tạo",
        "issued_on": d(2016, 8, 26),
        "signer": "Bộ trưởng",
        "summary": "Chỉ thị về nhiệm vụ chủ yếu năm học 2016-2017 của ngành Giáo dục.",
        "paragraphs": (
            "Năm học 2016-2017, toàn ngành tiếp tục thực hiện đổi mới căn bản, toàn diện giáo dục và "
            "đào tạo; tăng cường ứng dụng công nghệ thông tin trong quản lý và dạy học.",
            "Các cơ sở giáo dục thực hiện nghiêm túc quy chế công khai, quy chế dân chủ; chống bệnh "
            "thành tích, chấn chỉnh tình trạng lạm thu đầu năm học.",
        ),
    },
    {
        "key": "so-nhiem-vu",
        "number": "2610/GDĐT-KHTC",
        "doc_type": "huong-dan",
        "issuer_level": "so",
        "issuer_name": "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh",
        "issued_on": d(2016, 8, 29),
        "signer": "Phó Giám đốc",
        "summary": "Hướng dẫn thực hiện các khoản thu và quản lý thu chi năm học 2016-2017.",
        "paragraphs": (
            "Sở Giáo dục và Đào tạo hướng dẫn các cơ sở giáo dục công lập thực hiện thu học phí, "
            "các khoản thu thỏa thuận và công khai thu chi theo quy định.",
            "Các đơn vị chỉ được thu sau khi thống nhất với cha mẹ học sinh, có văn bản thỏa thuận "
            "và công khai trên trang thông tin điện tử, bảng tin của trường.",
        ),
    },
    {
        "key": "ubnd-khung-thoi-gian",
        "number": "4236/QĐ-UBND",
        "doc_type": "quyet-dinh",
        "issuer_level": "ubnd",
        "issuer_name": "Ủy ban nhân dân Thành phố Hồ Chí Minh",
        "issued_on": d(2016, 8, 8),
        "signer": "Phó Chủ tịch",
        "summary": "Ban hành khung kế hoạch thời gian năm học 2016-2017 của giáo dục mầm non, giáo "
        "dục phổ thông và giáo dục thường xuyên trên địa bàn Thành phố.",
        "paragraphs": (
            "Tựu trường ngày 22/08/2016; khai giảng ngày 05/09/2016; học kỳ I kết thúc trước ngày "
            "15/01/2017; nghỉ Tết Nguyên đán từ 23/01/2017 đến 05/02/2017; kết thúc năm học trước "
            "ngày 31/05/2017.",
        ),
    },
)

# Which office documents a school re-posts, by profile (the office site always gets them all).
SCHOOL_REPOSTS = {
    "diligent": ("ubnd-khung-thoi-gian", "tt09", "1503", "1636", "kh-kiem-tra"),
    "middling": ("tt09", "1636", "kh-kiem-tra"),
    "show": ("1503", "1636"),
    "stale": ("ubnd-khung-thoi-gian",),
}

# The school's own documents.
OWN_DOCUMENTS = (
    {
        "key": "qd-ban-bien-tap",
        "number": "{seq}/QĐ-{abbr}",
        "doc_type": "quyet-dinh",
        "issued_on": d(2016, 10, 25),
        "summary": "Quyết định thành lập Ban biên tập trang thông tin điện tử {school} năm học "
        "2016-2017.",
        "paragraphs": (
            "Căn cứ văn bản số 1503/GDĐT-VP ngày 21/10/2016 của Phòng Giáo dục và Đào tạo huyện Củ "
            "Chi; xét năng lực của cán bộ, giáo viên;",
            "Điều 1. Thành lập Ban biên tập trang thông tin điện tử {school} gồm: {principal}, Hiệu "
            "trưởng – Trưởng ban; {vice}, Phó Hiệu trưởng – Phó ban; {editor} – thành viên phụ "
            "trách cập nhật.",
            "Điều 2. Ban biên tập có nhiệm vụ thu thập, biên tập, đăng tải thông tin; tin bài chỉ "
            "được xuất bản sau khi Hiệu trưởng hoặc Phó Hiệu trưởng duyệt.",
            "Điều 3. Các bộ phận và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành quyết định "
            "này.",
        ),
    },
    {
        "key": "kh-cong-khai",
        "number": "{seq}/KH-{abbr}",
        "doc_type": "ke-hoach",
        "issued_on": d(2016, 9, 8),
        "summary": "Kế hoạch thực hiện công khai năm học 2016-2017 theo Thông tư 09/2009/TT-BGDĐT.",
        "paragraphs": (
            "Nội dung công khai: cam kết chất lượng giáo dục và chất lượng giáo dục thực tế; điều "
            "kiện đảm bảo chất lượng (cơ sở vật chất, đội ngũ); thu chi tài chính.",
            "Hình thức: đăng tải trên trang thông tin điện tử của trường, niêm yết tại bảng tin, "
            "thông báo trong cuộc họp cha mẹ học sinh đầu năm.",
            "Thời điểm: tháng 6/2016 và cập nhật vào tháng 9/2016; khi có thay đổi sẽ cập nhật kịp "
            "thời.",
        ),
    },
    {
        "key": "qc-chi-tieu",
        "number": "{seq}/QĐ-{abbr}",
        "doc_type": "quyet-dinh",
        "issued_on": d(2017, 1, 9),
        "summary": "Quyết định ban hành Quy chế chi tiêu nội bộ năm 2017.",
        "paragraphs": (
            "Căn cứ Nghị định 16/2015/NĐ-CP về cơ chế tự chủ của đơn vị sự nghiệp công lập; căn cứ "
            "nghị quyết Hội nghị viên chức năm học 2016-2017;",
            "Điều 1. Ban hành kèm theo quyết định này Quy chế chi tiêu nội bộ năm 2017 của {school}.",
            "Điều 2. Quyết định có hiệu lực kể từ ngày 01/01/2017.",
        ),
    },
)

OWN_DOCUMENTS_BY_PROFILE = {
    "diligent": ("kh-cong-khai", "qd-ban-bien-tap", "qc-chi-tieu"),
    "middling": ("qd-ban-bien-tap", "qc-chi-tieu"),
    "show": ("qd-ban-bien-tap",),
    "stale": (),
}

# ---------------------------------------------------------------- forms for parents
FORMS = (
    {
        "key": "nghi-hoc",
        "levels": ALL,
        "title": "Đơn xin phép nghỉ học",
        "description": "Dùng khi {pupils} nghỉ học từ 1 ngày trở lên. {parents} điền đơn, ký tên "
        "và gửi giáo viên chủ nhiệm; nghỉ do ốm xin kèm giấy của cơ sở y tế nếu có.",
        "fields": (
            "Họ và tên cha (mẹ) hoặc người giám hộ:",
            "Là phụ huynh của em:",
            "Học lớp:",
            "Xin phép cho con được nghỉ học từ ngày ...... đến ngày ......",
            "Lý do:",
            "Tôi xin cam kết nhắc nhở con chép bài, học bù đầy đủ.",
        ),
    },
    {
        "key": "chuyen-truong",
        "levels": SCHOOLS,
        "title": "Đơn xin chuyển trường",
        "description": "Hồ sơ gồm: đơn xin chuyển trường, học bạ, giấy giới thiệu của trường đi "
        "(do nhà trường cấp). Nộp tại văn phòng trường trong giờ hành chính; thời gian giải quyết "
        "không quá 3 ngày làm việc.",
        "fields": (
            "Họ và tên học sinh:",
            "Ngày sinh:",
            "Hiện đang học lớp:",
            "Họ và tên cha (mẹ):",
            "Nơi ở hiện nay:",
            "Xin chuyển đến trường:",
            "Lý do chuyển trường:",
        ),
    },
    {
        "key": "phuc-khao",
        "levels": (THCS,),
        "title": "Đơn đề nghị phúc khảo bài kiểm tra học kỳ",
        "description": "Học sinh có nguyện vọng phúc khảo bài kiểm tra học kỳ nộp đơn tại văn phòng "
        "trong vòng 5 ngày kể từ ngày công bố điểm. Kết quả phúc khảo được thông báo sau 7 ngày.",
        "fields": (
            "Họ và tên học sinh:",
            "Lớp:",
            "Môn đề nghị phúc khảo:",
            "Điểm đã công bố:",
            "Lý do đề nghị phúc khảo:",
        ),
    },
    {
        "key": "nhap-hoc-mn",
        "levels": (MN,),
        "title": "Đơn xin nhập học",
        "description": "Hồ sơ nhập học gồm: đơn xin nhập học, bản sao giấy khai sinh, sổ tiêm chủng, "
        "bản sao sổ hộ khẩu hoặc giấy xác nhận cư trú. Nhận hồ sơ tại văn phòng trường.",
        "fields": (
            "Họ và tên trẻ:",
            "Ngày sinh:",
            "Giới tính:",
            "Họ và tên cha:",
            "Họ và tên mẹ:",
            "Địa chỉ thường trú:",
            "Điện thoại liên hệ:",
            "Xin cho trẻ được vào học nhóm/lớp:",
        ),
    },
    {
        "key": "uy-quyen-don-tre",
        "levels": (MN,),
        "title": "Giấy ủy quyền đón trẻ",
        "description": "Khi cha mẹ nhờ người khác đón trẻ, vui lòng điền giấy ủy quyền và gửi cô chủ "
        "nhiệm; người đón xuất trình giấy tờ tùy thân khi đón.",
        "fields": (
            "Họ và tên cha (mẹ):",
            "Là phụ huynh của bé:",
            "Lớp:",
            "Ủy quyền cho ông (bà):",
            "Số CMND:",
            "Quan hệ với trẻ:",
            "Được đón trẻ từ ngày ...... đến ngày ......",
        ),
    },
    {
        "key": "mien-giam",
        "levels": ALL,
        "title": "Đơn đề nghị miễn, giảm học phí và hỗ trợ chi phí học tập",
        "description": "Dành cho {pupils} thuộc diện chính sách, hộ nghèo, cận nghèo. Kèm giấy xác "
        "nhận của Ủy ban nhân dân xã; nộp trong 30 ngày đầu mỗi học kỳ.",
        "fields": (
            "Họ và tên cha (mẹ):",
            "Là phụ huynh của em:",
            "Lớp:",
            "Thuộc đối tượng:",
            "Đề nghị được miễn, giảm học phí / hỗ trợ chi phí học tập theo quy định.",
        ),
    },
)

FORMS_BY_PROFILE = {"diligent": 4, "middling": 2, "show": 1, "stale": 0}

# ---------------------------------------------------------------- introduction
INTRO = {
    "gioi-thieu": {
        "intro": "{school} thuộc Phòng Giáo dục và Đào tạo huyện Củ Chi, đóng trên địa bàn xã "
        "{commune}. Năm học 2016-2017 trường có {n_classes} lớp với {n_pupils} {pupils} và "
        "{n_staff} cán bộ, giáo viên, nhân viên.",
        "paragraphs": (
            "Nhà trường luôn xác định chất lượng giáo dục là trọng tâm, xây dựng môi trường "
            "học đường thân thiện, an toàn, gắn bó với cộng đồng dân cư địa phương.",
            "Trang thông tin điện tử là kênh chính thức để nhà trường thông tin đến {parents} "
            "về hoạt động giáo dục, thông báo, kế hoạch, công khai và tuyển sinh.",
        ),
    },
    "lich-su": {
        "intro": "Những chặng đường phát triển của {school}.",
        "paragraphs": (
            "Trường được thành lập năm {founded}, ban đầu chỉ có vài phòng học tạm với mái lá, "
            "vách ván, phục vụ con em nông dân xã {commune}.",
            "Qua nhiều lần tu sửa và xây mới, đến nay trường có cơ sở khang trang với đầy đủ phòng "
            "học, phòng chức năng, sân chơi, cây xanh; nhiều năm liền đạt danh hiệu tập thể lao "
            "động tiên tiến.",
            "Nhiều thế hệ {pupils} của trường đã trưởng thành, góp phần xây dựng quê hương Củ Chi "
            "“Đất thép thành đồng” ngày càng giàu đẹp.",
        ),
    },
    "su-menh-tam-nhin": {
        "intro": "Định hướng phát triển của nhà trường giai đoạn 2016-2020.",
        "sections": (
            (
                "Sứ mệnh",
                "Xây dựng môi trường giáo dục an toàn, thân thiện, chất lượng, để mỗi {pupil_word} "
                "đều được phát triển phù hợp với khả năng của mình.",
            ),
            (
                "Tầm nhìn",
                "Đến năm 2020, {school} là địa chỉ tin cậy của {parents} xã {commune}, được công "
                "nhận đạt chuẩn quốc gia và kiểm định chất lượng mức độ 2.",
            ),
            (
                "Giá trị cốt lõi",
                "Trách nhiệm – Yêu thương – Tôn trọng – Hợp tác – Sáng tạo. Khẩu hiệu: “{motto}”.",
            ),
        ),
    },
    "co-cau-to-chuc": {
        "intro": "Tổ chức bộ máy của {school} năm học 2016-2017.",
        "units": {
            MN: (
                "Chi bộ",
                "Hội đồng trường",
                "Ban giám hiệu",
                "Công đoàn cơ sở",
                "Chi đoàn",
                "Tổ chuyên môn Nhà trẻ",
                "Tổ chuyên môn Mẫu giáo",
                "Tổ Nuôi dưỡng",
                "Tổ Văn phòng",
            ),
            TH: (
                "Chi bộ",
                "Hội đồng trường",
                "Ban giám hiệu",
                "Công đoàn cơ sở",
                "Chi đoàn",
                "Liên đội",
                "Tổ chuyên môn khối 1, 2, 3, 4, 5",
                "Tổ Chuyên biệt (Anh văn, Tin học, Mỹ thuật, Âm nhạc, Thể dục)",
                "Tổ Văn phòng",
            ),
            THCS: (
                "Chi bộ",
                "Hội đồng trường",
                "Ban giám hiệu",
                "Công đoàn cơ sở",
                "Chi đoàn",
                "Liên đội",
                "Tổ Ngữ văn – Lịch sử – Địa lý – GDCD",
                "Tổ Toán – Tin học",
                "Tổ Vật lý – Hóa học – Sinh học – Công nghệ",
                "Tổ Ngoại ngữ",
                "Tổ Thể dục – Âm nhạc – Mỹ thuật",
                "Tổ Văn phòng",
            ),
        },
    },
    "ban-giam-hieu": {"intro": "Ban giám hiệu {school} năm học 2016-2017."},
    "doi-ngu": {
        "intro": "Đội ngũ cán bộ, giáo viên, nhân viên năm học 2016-2017: {n_staff} người, 100% "
        "đạt chuẩn trình độ đào tạo.",
    },
}

# Which introduction pages each profile fills (others stay as provisioned: empty).
INTRO_BY_PROFILE = {
    "diligent": (
        "gioi-thieu",
        "lich-su",
        "su-menh-tam-nhin",
        "co-cau-to-chuc",
        "ban-giam-hieu",
        "doi-ngu",
    ),
    "middling": ("gioi-thieu", "lich-su", "ban-giam-hieu", "doi-ngu"),
    "show": ("gioi-thieu", "ban-giam-hieu"),
    "stale": ("lich-su",),
}

PARENTS_CORNER = (
    "Góc phụ huynh là nơi nhà trường chia sẻ kinh nghiệm nuôi dạy con, lịch họp Ban đại diện cha "
    "mẹ học sinh và giải đáp thắc mắc thường gặp.",
    "Để liên hệ với giáo viên chủ nhiệm, {parents} có thể gọi văn phòng trường theo số {phone} "
    "trong giờ hành chính hoặc gửi góp ý qua mục Liên hệ.",
)

# ---------------------------------------------------------------- admissions
ADMISSIONS = {
    MN: {
        "intro": "Kế hoạch tuyển sinh năm học 2017-2018 của {school}.",
        "sections": (
            (
                "Đối tượng",
                "Trẻ từ 18 tháng đến 5 tuổi (sinh năm 2012 đến 2015) có hộ khẩu hoặc tạm trú tại xã {commune}.",
            ),
            (
                "Chỉ tiêu",
                "Nhà trẻ: 2 nhóm (50 trẻ); Mầm: 3 lớp (90 trẻ); Chồi và Lá: bổ sung theo chỗ trống.",
            ),
            (
                "Hồ sơ",
                "Đơn xin nhập học (theo mẫu tại mục Biểu mẫu), bản sao giấy khai sinh, sổ tiêm chủng, giấy xác nhận cư trú.",
            ),
            (
                "Thời gian",
                "Nhận hồ sơ từ 01/06/2017 đến 30/06/2017; công bố danh sách ngày 15/07/2017.",
            ),
        ),
    },
    TH: {
        "intro": "Kế hoạch tuyển sinh lớp 1 năm học 2017-2018 của {school}.",
        "sections": (
            (
                "Đối tượng",
                "Trẻ sinh năm 2011 cư trú trên địa bàn xã {commune} theo phân tuyến của Phòng Giáo dục và Đào tạo.",
            ),
            (
                "Chỉ tiêu",
                "{n_first} học sinh, dự kiến {n_first_classes} lớp; học 2 buổi/ngày, có bán trú (nếu trường tổ chức).",
            ),
            (
                "Hồ sơ",
                "Đơn xin nhập học, bản sao giấy khai sinh, bản sao sổ hộ khẩu hoặc giấy xác nhận tạm trú, giấy xác nhận hoàn thành chương trình mầm non.",
            ),
            ("Thời gian", "Nhận hồ sơ từ 01/07/2017 đến 31/07/2017; tựu trường ngày 21/08/2017."),
        ),
    },
    THCS: {
        "intro": "Kế hoạch tuyển sinh lớp 6 năm học 2017-2018 của {school}.",
        "sections": (
            (
                "Đối tượng",
                "Học sinh hoàn thành chương trình tiểu học, cư trú trên địa bàn xã {commune} và các ấp lân cận theo phân tuyến.",
            ),
            ("Chỉ tiêu", "{n_first} học sinh, dự kiến {n_first_classes} lớp."),
            (
                "Phương thức",
                "Xét tuyển theo học bạ tiểu học và địa bàn cư trú; không tổ chức thi tuyển.",
            ),
            (
                "Thời gian",
                "Nhận hồ sơ từ 03/07/2017 đến 17/07/2017; công bố kết quả ngày 25/07/2017.",
            ),
        ),
    },
}

# ---------------------------------------------------------------- contact form messages
FEEDBACK = (
    (
        "Nguyễn Thị Lan",
        "0909 123 456",
        "Hỏi đáp",
        "Cho tôi hỏi khi nào trường tổ chức họp phụ huynh học kỳ II? Tôi đi làm xa nên muốn xin nghỉ trước.",
    ),
    (
        "Trần Văn Minh",
        "minh.tv@gmail.com",
        "Góp ý",
        "Giờ tan học cổng trường rất đông, đề nghị nhà trường phối hợp công an xã phân luồng xe.",
    ),
    (
        "Lê Thị Hồng",
        "0918 765 432",
        "Tuyển sinh",
        "Con tôi sinh tháng 12/2011, năm nay có được vào lớp 1 không ạ? Hồ sơ cần những gì?",
    ),
    (
        "Phạm Quốc Tuấn",
        "0977 888 111",
        "Hỏi đáp",
        "Bé nhà tôi bị dị ứng hải sản, xin nhà trường lưu ý bữa ăn bán trú giúp gia đình.",
    ),
    (
        "Võ Thị Thu",
        "thu.vo@yahoo.com",
        "Góp ý",
        "Cảm ơn các cô đã tận tình. Trang web của trường có thực đơn hằng tuần rất tiện cho phụ huynh.",
    ),
    (
        "Huỳnh Văn Hậu",
        "0903 222 777",
        "Khác",
        "Tôi muốn đóng góp sách cũ cho thư viện trường thì liên hệ ai?",
    ),
    (
        "Đặng Thị Kim",
        "0936 444 999",
        "Hỏi đáp",
        "Xin hỏi học phí học kỳ II đóng đến ngày nào và có đóng chuyển khoản được không?",
    ),
    (
        "Bùi Minh Khang",
        "khang.bm@gmail.com",
        "Góp ý",
        "Đề nghị nhà trường đăng lịch kiểm tra sớm hơn để học sinh ôn tập.",
    ),
)

# ---------------------------------------------------------------- menus
BREAKFASTS = (
    "Bún bò Huế",
    "Phở gà",
    "Cháo thịt bằm cà rốt",
    "Bánh canh cua",
    "Hủ tiếu Nam Vang",
    "Nui xào bò",
    "Mì Quảng tôm thịt",
    "Bánh mì trứng ốp la, sữa tươi",
    "Xôi gà",
    "Bún riêu cua",
    "Cháo cá lóc rau đắng",
    "Súp nui thịt gà",
)
MAIN_DISHES = (
    "Thịt kho trứng cút",
    "Cá basa sốt cà chua",
    "Gà chiên nước mắm",
    "Tôm rim thịt",
    "Đậu hũ dồn thịt sốt cà",
    "Thịt heo kho tiêu",
    "Cá thu sốt cà",
    "Bò xào bông cải",
    "Trứng chiên thịt bằm",
    "Chả cá thác lác chiên",
    "Gà kho gừng",
    "Sườn non ram mặn",
    "Thịt bằm xào đậu que",
    "Cá lóc kho tộ",
)
SOUPS = (
    "Canh bí đỏ nấu tôm",
    "Canh rau ngót thịt bằm",
    "Canh chua cá lóc",
    "Canh khoai mỡ nấu tôm",
    "Canh cải xanh nấu thịt",
    "Canh mồng tơi nấu tôm",
    "Canh bí xanh nấu thịt",
    "Canh bầu nấu tôm",
    "Canh đu đủ hầm xương",
    "Canh rau dền nấu tôm",
    "Canh cải ngọt nấu cá",
    "Canh củ dền khoai tây hầm xương",
)
SIDES = (
    "Bắp cải xào cà rốt",
    "Su su xào",
    "Đậu que luộc",
    "Rau muống xào tỏi",
    "Bí xanh xào",
    "Cải thìa luộc",
)
DESSERTS = ("Chuối", "Dưa hấu", "Sữa chua", "Thanh long", "Đu đủ", "Cam", "Bánh flan")
AFTERNOONS = (
    "Sữa tươi, bánh bông lan",
    "Chè đậu xanh phổ tai",
    "Bánh flan",
    "Súp cua",
    "Cháo gà",
    "Sữa chua, trái cây",
    "Bánh bao nhân thịt",
    "Mì nấu thịt bò",
    "Chè bắp",
    "Bún mọc",
    "Sữa đậu nành, bánh quy",
    "Bánh canh tôm",
)

# ---------------------------------------------------------------- weekly work schedules
SCHEDULE_ROUTINE = (
    ("mon", "07:00", "Chào cờ đầu tuần; nhận xét thi đua tuần trước", "Hiệu trưởng", "Sân trường"),
    ("mon", "14:00", "Họp giao ban Ban giám hiệu", "Hiệu trưởng", "Phòng Hiệu trưởng"),
    ("fri", "15:30", "Sinh hoạt tổ chuyên môn", "Tổ trưởng chuyên môn", "Phòng Hội đồng"),
)
SCHEDULE_POOL = (
    ("tue", "07:30", "Dự giờ {class_a}", "Phó Hiệu trưởng", "{class_a_cap}"),
    ("tue", "08:00", "Kiểm tra hồ sơ chuyên môn tổ {team}", "Phó Hiệu trưởng", "Phòng Hội đồng"),
    ("tue", "14:00", "Họp Ban đại diện cha mẹ học sinh", "Hiệu trưởng", "Phòng Hội đồng"),
    ("wed", "07:30", "Dự giờ {class_b}", "Hiệu trưởng", "{class_b_cap}"),
    ("wed", "08:00", "Họp Hiệu trưởng tại Phòng GD&ĐT", "Hiệu trưởng", "Phòng GD&ĐT huyện Củ Chi"),
    (
        "wed",
        "14:00",
        "Kiểm tra công tác bán trú, vệ sinh an toàn thực phẩm",
        "Phó Hiệu trưởng",
        "Bếp ăn",
    ),
    (
        "wed",
        "14:00",
        "Tập huấn chuyên môn cấp huyện",
        "Giáo viên được cử",
        "Trung tâm bồi dưỡng chính trị huyện",
    ),
    ("thu", "07:30", "Kiểm tra nề nếp, vệ sinh lớp học", "Tổng phụ trách Đội", "Các lớp"),
    ("thu", "09:00", "Kiểm tra cơ sở vật chất, thiết bị", "Phó Hiệu trưởng", "Phòng thiết bị"),
    ("thu", "14:00", "Cập nhật thông tin trang web của trường", "Ban biên tập", "Phòng Tin học"),
    ("thu", "15:00", "Họp Công đoàn cơ sở", "Chủ tịch Công đoàn", "Phòng Hội đồng"),
    ("fri", "08:00", "Kiểm tra sổ điểm, sổ chủ nhiệm", "Phó Hiệu trưởng", "Phòng Hội đồng"),
    ("fri", "09:30", "Duyệt thực đơn, kế hoạch tuần sau", "Hiệu trưởng", "Phòng Hiệu trưởng"),
    ("fri", "14:00", "Sinh hoạt Chi bộ", "Bí thư Chi bộ", "Phòng Hội đồng"),
    ("tue", "15:30", "Bồi dưỡng học sinh năng khiếu", "Giáo viên phụ trách", "{class_a_cap}"),
    ("thu", "10:00", "Tiếp phụ huynh theo lịch hẹn", "Hiệu trưởng", "Phòng tiếp dân"),
)
SCHEDULE_TEAMS = {
    MN: ("Nhà trẻ", "Mầm", "Chồi", "Lá", "Nuôi dưỡng"),
    TH: ("khối 1", "khối 2", "khối 3", "khối 4", "khối 5"),
    THCS: ("Ngữ văn", "Toán – Tin", "Lý – Hóa – Sinh", "Ngoại ngữ", "Thể – Nhạc – Họa"),
}

# ---------------------------------------------------------------- plans
# Kindergarten themes by month (the standard MN curriculum's yearly themes).
MN_THEMES = {
    9: "Trường mầm non của bé",
    10: "Bản thân bé",
    11: "Gia đình thân yêu",
    12: "Thế giới động vật",
    1: "Tết và mùa xuân",
    2: "Thế giới thực vật",
    3: "Phương tiện và luật lệ giao thông",
    4: "Nước và các hiện tượng tự nhiên",
    5: "Quê hương – Đất nước – Bác Hồ",
}
MN_WEEK_ACTIVITIES = (
    "Thể dục sáng với bài hát về chủ đề; trò chơi vận động",
    "Làm quen chữ cái qua thẻ tranh, tô màu",
    "Làm quen với toán: đếm, so sánh nhiều – ít",
    "Khám phá khoa học: quan sát, trò chuyện về chủ đề",
    "Tạo hình: vẽ, nặn, cắt dán theo chủ đề",
    "Âm nhạc: dạy hát, vận động theo nhạc",
    "Văn học: kể chuyện, đọc thơ theo chủ đề",
    "Hoạt động góc: góc phân vai, góc xây dựng, góc sách",
    "Hoạt động ngoài trời: chăm sóc cây, chơi với cát nước",
    "Rèn kỹ năng tự phục vụ: rửa tay, cất dọn đồ chơi",
)
YEAR_PLAN_SECTIONS = (
    (
        "Đặc điểm tình hình",
        "Năm học 2016-2017 {school} (xã {commune}, thành lập năm {founded}) có {n_classes} lớp, "
        "{n_pupils} {pupils}, {n_staff} cán bộ, giáo viên, nhân viên. Cơ sở vật chất cơ bản đáp "
        "ứng yêu cầu; một số phòng chức năng còn thiếu.",
    ),
    (
        "Nhiệm vụ trọng tâm",
        "Nâng cao chất lượng giáo dục toàn diện; đổi mới phương pháp dạy học và kiểm tra đánh giá; "
        "đẩy mạnh ứng dụng công nghệ thông tin, vận hành trang thông tin điện tử theo hướng dẫn "
        "1503/GDĐT-VP; thực hiện nghiêm quy chế công khai theo Thông tư 09/2009/TT-BGDĐT.",
    ),
    (
        "Chỉ tiêu",
        "Tỷ lệ chuyên cần trên 98%; 100% giáo viên đạt chuẩn nghề nghiệp; {n1} sáng kiến kinh "
        "nghiệm cấp huyện; {n2} {pupils} đạt giải các hội thi; trang thông tin cập nhật ít nhất "
        "mỗi tuần một tin; công khai đầy đủ, đúng hạn.",
    ),
    (
        "Giải pháp",
        "Hiệu trưởng {principal} phụ trách chung; Phó Hiệu trưởng {vice} phụ trách chuyên môn và "
        "Ban biên tập trang thông tin; duyệt tin bài hằng tuần; kiểm tra nội bộ định kỳ; phối hợp "
        "chặt chẽ với Ban đại diện {parents} và Ủy ban nhân dân xã {commune}.",
    ),
)
TIMETABLE_SUBJECTS = {
    TH: (
        "Tiếng Việt",
        "Toán",
        "Đạo đức",
        "Tự nhiên và Xã hội",
        "Tiếng Anh",
        "Tin học",
        "Âm nhạc",
        "Mỹ thuật",
        "Thể dục",
        "Thủ công",
    ),
    THCS: (
        "Ngữ văn",
        "Toán",
        "Tiếng Anh",
        "Vật lý",
        "Sinh học",
        "Lịch sử",
        "Địa lý",
        "GDCD",
        "Công nghệ",
        "Tin học",
        "Thể dục",
        "Âm nhạc",
        "Mỹ thuật",
    ),
}
