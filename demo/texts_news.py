"""News articles of the demo schools, school year 2016-2017.

Each topic has a few variants per paragraph; a school gets one combination (chosen so that two
schools of a level never get the same one) and its own names and numbers, so the diligent schools'
articles about the same event are not near-duplicates of each other. Only the "for show" schools
copy another school's article, on purpose.

Placeholders (filled per school and article by ``loader.text_context``):
{school} full name · {short} name without "Trường" · {commune} · {principal} · {vice} ·
{pupils}/{Pupils} "học sinh" or "các bé" · {teachers} · {parents} · {n_pupils} · {n_classes} ·
{n_staff} · {class_a}/{class_b} sample classes · {top_grade} · {first_grade} · {level_name} ·
{date} dd/mm/yyyy of the event · {weekday} · {n1} 3–9 · {n2} 10–30 · {n3} 40–120."""

import datetime
from dataclasses import dataclass

MN, TH, THCS = "MN", "TH", "THCS"
ALL = (MN, TH, THCS)
SCHOOLS = (TH, THCS)

ACTIVITY, TEACHING, YOUTH, EXTRA, OFFICE = (
    "hoat-dong",
    "chuyen-mon",
    "doan-doi",
    "ngoai-khoa",
    "tin-tu-phong",
)


@dataclass(frozen=True)
class Topic:
    key: str
    category: str
    levels: tuple
    titles: tuple
    paragraphs: tuple  # slots; each slot a tuple of variants
    when: datetime.date | None = None  # the event's day; None for an everyday article
    scene: str | None = None  # image scene (media.SCENES) used as lead image
    months: tuple = ()  # everyday articles that only make sense in some months


def d(year, month, day):
    return datetime.date(year, month, day)


# Closing sentences shared by all topics; a school picks one per article.
CLOSINGS = (
    "Ban giám hiệu ghi nhận sự nhiệt tình của tập thể sư phạm và sự đồng hành của {parents}.",
    "Nhà trường trân trọng cảm ơn {parents} đã luôn quan tâm, phối hợp cùng nhà trường.",
    "Hình ảnh hoạt động được cập nhật tại mục Thư viện ảnh của trang thông tin nhà trường.",
    "Mọi góp ý của {parents}, xin gửi qua mục Liên hệ hoặc gặp trực tiếp giáo viên chủ nhiệm.",
    "Hoạt động khép lại trong niềm vui, để lại nhiều ấn tượng đẹp cho {pupils}.",
    "Thầy cô mong rằng mỗi hoạt động nhỏ sẽ giúp {pupils} thêm yêu trường, yêu lớp.",
    "Nhà trường sẽ tiếp tục duy trì hoạt động này trong những tháng tới.",
    "Kết quả cụ thể sẽ được nhà trường thông tin đến {parents} trong buổi họp định kỳ.",
    "Đây là một trong những hoạt động trọng tâm của {short} trong năm học 2016-2017.",
    "Chi đoàn giáo viên và Ban đại diện cha mẹ học sinh đã hỗ trợ tích cực để hoạt động thành công.",
    "Sau hoạt động, các tổ chuyên môn đã họp rút kinh nghiệm để làm tốt hơn ở lần sau.",
    "Nhà trường gửi lời cảm ơn Đảng ủy, Ủy ban nhân dân xã {commune} đã quan tâm, hỗ trợ.",
)

EVENT_TOPICS = (
    Topic(
        "khai-giang",
        ACTIVITY,
        ALL,
        (
            "Lễ khai giảng năm học 2016-2017",
            "Rộn ràng ngày hội đến trường năm học 2016-2017",
        ),
        (
            (
                "Sáng {weekday} ngày {date}, {school} long trọng tổ chức lễ khai giảng năm học "
                "2016-2017 với sự tham dự của đại diện Đảng ủy, Ủy ban nhân dân xã {commune}, "
                "Ban đại diện cha mẹ học sinh cùng {n_staff} cán bộ, giáo viên, nhân viên và "
                "{n_pupils} {pupils}.",
                "Trong không khí tưng bừng của những ngày đầu thu, {n_pupils} {pupils} của "
                "{n_classes} lớp thuộc {school} đã cùng thầy cô dự lễ khai giảng năm học mới vào "
                "sáng {date}.",
            ),
            (
                "Sau nghi thức chào cờ, thầy cô và {pupils} được nghe đọc thư của Chủ tịch nước gửi "
                "ngành giáo dục nhân dịp năm học mới. Hiệu trưởng {principal} điểm lại kết quả năm "
                "học 2015-2016 và quán triệt nhiệm vụ trọng tâm: nâng cao chất lượng dạy và học, "
                "xây dựng trường học thân thiện, an toàn.",
                "Phát biểu khai giảng, thầy (cô) Hiệu trưởng {principal} nhấn mạnh năm học 2016-2017 "
                "nhà trường tập trung đổi mới phương pháp, tăng cường giáo dục kỹ năng sống và "
                "đẩy mạnh ứng dụng công nghệ thông tin, trong đó có việc vận hành trang thông tin "
                "điện tử để {parents} tiện theo dõi.",
            ),
            (
                "Tiếng trống khai trường vang lên trong niềm xúc động của {pupils} {first_grade}, "
                "lần đầu bước vào ngôi trường mới. Buổi lễ kết thúc bằng chương trình văn nghệ "
                "chào mừng do các lớp tự dàn dựng.",
                "Nhân dịp này, nhà trường trao {n2} suất học bổng cho {pupils} có hoàn cảnh khó "
                "khăn vượt khó học tốt, do các nhà hảo tâm và Hội Khuyến học xã {commune} trao "
                "tặng.",
            ),
        ),
        when=d(2016, 9, 5),
        scene="khai-giang",
    ),
    Topic(
        "hop-phu-huynh",
        ACTIVITY,
        ALL,
        (
            "Họp cha mẹ học sinh đầu năm học 2016-2017",
            "Nhà trường họp phụ huynh đầu năm học",
        ),
        (
            (
                "Ngày {date}, {school} tổ chức họp cha mẹ học sinh đầu năm tại {n_classes} phòng "
                "học, với tỷ lệ phụ huynh tham dự đạt trên 95%.",
                "Sáng {weekday} {date}, các lớp của {short} đồng loạt họp phụ huynh đầu năm học "
                "2016-2017 để thông tin kế hoạch giáo dục và các khoản thu.",
            ),
            (
                "Giáo viên chủ nhiệm thông báo kế hoạch giáo dục của lớp, nội quy nhà trường, lịch "
                "học và các khoản thu theo quy định; đồng thời giới thiệu trang thông tin điện tử "
                "của trường để {parents} theo dõi thông báo, thực đơn và kế hoạch hằng tuần.",
                "Tại buổi họp, {parents} được phổ biến các khoản thu thỏa thuận, chế độ miễn giảm, "
                "bảo hiểm y tế học sinh, và cách xem thông báo của lớp trên trang thông tin điện tử "
                "nhà trường.",
            ),
            (
                "Mỗi lớp đã bầu Ban đại diện cha mẹ học sinh gồm 3 thành viên; Ban đại diện cấp "
                "trường sẽ họp vào tuần sau.",
                "Nhiều ý kiến đóng góp về an toàn giao thông trước cổng trường và giờ đón trả "
                "{pupils} đã được nhà trường ghi nhận và trả lời ngay tại buổi họp.",
            ),
        ),
        when=d(2016, 9, 10),
        scene="hop-phu-huynh",
    ),
    Topic(
        "trung-thu",
        EXTRA,
        ALL,
        ("Vui hội trăng rằm 2016", "Đêm hội Trung thu cho {pupils}"),
        (
            (
                "Chiều {date}, {school} tổ chức chương trình “Vui hội trăng rằm” cho {n_pupils} "
                "{pupils} với nhiều trò chơi dân gian, múa lân và rước đèn quanh sân trường.",
                "Nhân dịp Tết Trung thu, {short} đã tổ chức cho {pupils} phá cỗ, rước đèn và thi "
                "làm lồng đèn từ vật liệu tái chế.",
            ),
            (
                "Mỗi lớp trang trí một mâm cỗ với bánh trung thu, trái cây và những con vật ngộ "
                "nghĩnh tỉa từ rau củ. Hội thi làm lồng đèn thu hút {n3} sản phẩm, nhiều chiếc đèn "
                "ông sao, đèn cá chép được làm rất công phu.",
                "Đội lân của nhà trường mở màn chương trình, sau đó là tiết mục văn nghệ của các "
                "lớp và phần giao lưu với chú Cuội, chị Hằng khiến {pupils} vô cùng thích thú.",
            ),
            (
                "Nhà trường đã trao {n2} phần quà Trung thu cho {pupils} có hoàn cảnh khó khăn "
                "nhờ sự hỗ trợ của Ban đại diện cha mẹ học sinh.",
                "{class_a} đoạt giải nhất hội thi mâm cỗ, {class_b} đoạt giải nhất hội thi làm lồng "
                "đèn.",
            ),
        ),
        when=d(2016, 9, 15),
        scene="trung-thu",
    ),
    Topic(
        "an-toan-giao-thong",
        EXTRA,
        ALL,
        (
            "Hưởng ứng “Năm an toàn giao thông” trong trường học",
            "Tuyên truyền an toàn giao thông đầu năm học",
        ),
        (
            (
                "Ngày {date}, {school} phối hợp với Công an xã {commune} tổ chức buổi tuyên truyền "
                "an toàn giao thông cho {pupils} toàn trường.",
                "Hưởng ứng tháng an toàn giao thông, sáng {weekday} {date}, {short} tổ chức chuyên "
                "đề “Em đi học an toàn” trong giờ sinh hoạt dưới cờ.",
            ),
            (
                "Các chú công an hướng dẫn {pupils} cách đi bộ, qua đường an toàn, đội mũ bảo hiểm "
                "đúng cách khi ngồi sau xe máy và những nguy hiểm khi đi trên tuyến Tỉnh lộ đông "
                "xe tải.",
                "{Pupils} được xem các tình huống giao thông thường gặp trên đường đến trường và "
                "trả lời câu hỏi về biển báo; nhiều câu trả lời hồn nhiên nhưng rất chính xác.",
            ),
            (
                "Nhà trường đề nghị {parents} làm gương, đội mũ bảo hiểm cho con và không dừng xe "
                "dưới lòng đường trước cổng trường vào giờ tan học.",
                "Nhà trường đã trao {n3} mũ bảo hiểm do các nhà tài trợ tặng cho {pupils} {first_grade}.",
            ),
        ),
        when=d(2016, 9, 19),
        scene="giao-thong",
    ),
    Topic(
        "dai-hoi-lien-doi",
        YOUTH,
        SCHOOLS,
        (
            "Đại hội Liên đội nhiệm kỳ 2016-2017",
            "Liên đội {short} tổ chức Đại hội nhiệm kỳ mới",
        ),
        (
            (
                "Ngày {date}, Liên đội {short} long trọng tổ chức Đại hội Liên đội nhiệm kỳ "
                "2016-2017 với sự tham dự của {n3} đại biểu là chỉ huy các chi đội.",
                "Chiều {weekday} {date}, Liên đội trường {short} tiến hành Đại hội nhiệm kỳ "
                "2016-2017 dưới sự chỉ đạo của Ban giám hiệu và Tổng phụ trách Đội.",
            ),
            (
                "Đại hội đã đánh giá kết quả hoạt động năm học trước, đề ra các chỉ tiêu: 100% đội "
                "viên thực hiện tốt an toàn giao thông, duy trì phong trào kế hoạch nhỏ và nuôi "
                "heo đất giúp bạn.",
                "Báo cáo tổng kết cho thấy Liên đội đã thu gom hơn {n2} tạ giấy vụn, tham gia đầy "
                "đủ các hội thi do Hội đồng Đội huyện tổ chức.",
            ),
            (
                "Đại hội đã bầu Ban chỉ huy Liên đội mới gồm {n1} đội viên tiêu biểu.",
                "Đại hội thống nhất chủ đề hoạt động năm học: “Đội viên chăm ngoan, tiến bước lên "
                "Đoàn”.",
            ),
        ),
        when=d(2016, 9, 24),
        scene="doi",
    ),
    Topic(
        "be-den-truong",
        ACTIVITY,
        (MN,),
        ("Tuần lễ “Bé vui đến trường”", "Các bé làm quen với lớp học mới"),
        (
            (
                "Trong tuần từ ngày {date}, {school} tổ chức tuần lễ “Bé vui đến trường” giúp các "
                "bé, nhất là các bé nhà trẻ và lớp Mầm, làm quen với cô và bạn.",
                "Những ngày đầu năm học, các cô {short} dành nhiều thời gian ôm ấp, trò chuyện để "
                "các bé mới nhập học bớt khóc nhè và vui vẻ đến lớp.",
            ),
            (
                "Lớp học được trang trí rực rỡ với bóng bay, tranh ảnh; các góc chơi được sắp xếp "
                "mới, đồ chơi được vệ sinh sạch sẽ. Giờ đón trả trẻ được linh hoạt để {parents} "
                "có thể ở lại cùng con trong mấy ngày đầu.",
                "Các cô tổ chức trò chơi vận động, hát múa, kể chuyện ngắn; bữa ăn được chia nhỏ, "
                "nấu mềm để các bé dễ ăn.",
            ),
            (
                "Đến cuối tuần, phần lớn các bé đã vui vẻ vào lớp và ăn hết suất.",
                "Nhà trường khuyến khích {parents} đưa trẻ đến lớp đều đặn để trẻ nhanh thích nghi.",
            ),
        ),
        when=d(2016, 9, 12),
        scene="mam-non",
    ),
    Topic(
        "hoi-nghi-vien-chuc",
        ACTIVITY,
        ALL,
        (
            "Hội nghị viên chức, người lao động năm học 2016-2017",
            "{short} tổ chức Hội nghị viên chức đầu năm",
        ),
        (
            (
                "Ngày {date}, {school} tổ chức Hội nghị viên chức, người lao động năm học "
                "2016-2017 với sự tham dự của {n_staff} cán bộ, giáo viên, nhân viên.",
                "Sáng {weekday} {date}, Công đoàn và Ban giám hiệu {short} phối hợp tổ chức Hội "
                "nghị viên chức, người lao động đầu năm học.",
            ),
            (
                "Hội nghị thông qua kế hoạch năm học, quy chế chi tiêu nội bộ, quy chế dân chủ ở "
                "cơ sở và các chỉ tiêu thi đua; nhiều ý kiến thảo luận thẳng thắn về việc giảm hồ "
                "sơ sổ sách cho giáo viên.",
                "Các đại biểu đã thảo luận và biểu quyết thông qua nghị quyết hội nghị, trong đó có "
                "chỉ tiêu 100% giáo viên đạt chuẩn nghề nghiệp và {n1} sáng kiến kinh nghiệm được "
                "công nhận cấp huyện.",
            ),
            (
                "Toàn thể viên chức đã ký giao ước thi đua năm học 2016-2017.",
                "Hội nghị cũng bầu Ban thanh tra nhân dân nhiệm kỳ mới gồm 3 thành viên.",
            ),
        ),
        when=d(2016, 9, 30),
        scene="hoi-nghi",
    ),
    Topic(
        "chuyen-de-hk1",
        TEACHING,
        ALL,
        ("Sinh hoạt chuyên đề cấp trường tháng 10", "Chuyên đề đổi mới phương pháp dạy học"),
        (
            (
                "Ngày {date}, tổ chuyên môn của {school} tổ chức chuyên đề cấp trường với tiết dạy "
                "minh họa tại {class_a}.",
                "Nhằm nâng cao chất lượng dạy học, {short} tổ chức sinh hoạt chuyên đề vào chiều "
                "{weekday} {date}.",
            ),
            (
                "Tiết dạy minh họa áp dụng phương pháp “bàn tay nặn bột”, cho {pupils} tự đặt câu "
                "hỏi, làm thí nghiệm nhỏ và rút ra kết luận; giáo viên dự giờ đánh giá cao sự chủ "
                "động của {pupils}.",
                "Chuyên đề tập trung vào việc tổ chức hoạt động nhóm và đánh giá thường xuyên bằng "
                "nhận xét, giúp giáo viên theo dõi sự tiến bộ của từng {pupil_word}.",
            ),
            (
                "Sau phần thảo luận, tổ đã thống nhất {n1} biện pháp áp dụng chung cho các lớp.",
                "Phó Hiệu trưởng {vice} đề nghị các tổ tiếp tục nhân rộng chuyên đề trong học kỳ I.",
            ),
        ),
        when=d(2016, 10, 14),
        scene="lop-hoc",
    ),
    Topic(
        "phu-nu-20-10",
        ACTIVITY,
        ALL,
        (
            "Chào mừng ngày Phụ nữ Việt Nam 20/10",
            "Họp mặt kỷ niệm 86 năm ngày thành lập Hội LHPN Việt Nam",
        ),
        (
            (
                "Chào mừng 86 năm ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam (20/10/1930 – "
                "20/10/2016), Công đoàn {school} tổ chức họp mặt các cô giáo, nữ nhân viên vào "
                "ngày {date}.",
                "Ngày {date}, không khí tại {short} thật ấm áp khi các thầy giáo và {pupils} dành "
                "những lời chúc tốt đẹp nhất cho các cô nhân ngày Phụ nữ Việt Nam.",
            ),
            (
                "Buổi họp mặt có hội thi cắm hoa, tiết mục văn nghệ và trò chơi tập thể; nhiều cô "
                "đã chia sẻ kinh nghiệm cân bằng giữa công việc và gia đình.",
                "{Pupils} tự tay làm thiệp, vẽ tranh tặng cô giáo và mẹ; các lớp có tiết sinh hoạt "
                "về truyền thống phụ nữ Việt Nam anh hùng, bất khuất, trung hậu, đảm đang.",
            ),
            (
                "Công đoàn trường đã khen thưởng {n1} nữ đoàn viên đạt danh hiệu “Giỏi việc trường, "
                "đảm việc nhà”.",
                "Nhà trường gửi lời chúc sức khỏe, hạnh phúc đến toàn thể chị em phụ nữ.",
            ),
        ),
        when=d(2016, 10, 20),
        scene="hoa",
    ),
    Topic(
        "pccc",
        EXTRA,
        ALL,
        ("Diễn tập phòng cháy chữa cháy và thoát nạn", "Thực hành thoát hiểm khi có cháy"),
        (
            (
                "Ngày {date}, {school} phối hợp với Đội Cảnh sát phòng cháy chữa cháy huyện Củ Chi "
                "tổ chức diễn tập phương án chữa cháy và thoát nạn tại trường.",
                "Sáng {weekday} {date}, toàn thể cán bộ, giáo viên và {pupils} {short} tham gia buổi "
                "thực hành thoát hiểm khi có sự cố cháy nổ.",
            ),
            (
                "Tình huống giả định là cháy tại kho thiết bị; khi nghe hiệu lệnh, giáo viên hướng "
                "dẫn {pupils} lấy khăn ướt che mũi, di chuyển theo lối thoát hiểm ra sân trong "
                "chưa đầy {n1} phút.",
                "Các chiến sĩ cảnh sát hướng dẫn cách sử dụng bình chữa cháy xách tay, cách gọi 114 "
                "và những việc không được làm khi có cháy.",
            ),
            (
                "Đội phòng cháy cơ sở của trường gồm {n2} thành viên đã được tập huấn và kiểm tra "
                "thực hành.",
                "Nhà trường đã bổ sung {n1} bình chữa cháy và sơ đồ thoát hiểm tại các dãy phòng học.",
            ),
        ),
        when=d(2016, 11, 4),
        scene="san-truong",
    ),
    Topic(
        "hoi-giang",
        TEACHING,
        ALL,
        ("Hội giảng chào mừng ngày Nhà giáo Việt Nam", "Sôi nổi hội giảng 20/11"),
        (
            (
                "Từ ngày {date}, {school} tổ chức hội giảng chào mừng 34 năm ngày Nhà giáo Việt Nam "
                "với {n2} tiết dạy đăng ký.",
                "Hướng tới ngày 20/11, {short} phát động hội giảng “Tiết dạy tốt dâng tặng thầy cô” "
                "từ ngày {date}.",
            ),
            (
                "Các tiết dạy được chuẩn bị công phu, ứng dụng công nghệ thông tin hợp lý và chú "
                "trọng phát huy tính tích cực của {pupils}; Ban giám khảo gồm Ban giám hiệu và các "
                "tổ trưởng chuyên môn.",
                "Nhiều giáo viên trẻ mạnh dạn đăng ký dạy ở {class_a}, {class_b} với các hình thức "
                "trò chơi học tập, phiếu học tập theo nhóm.",
            ),
            (
                "Kết quả: {n1} tiết xếp loại giỏi sẽ được chọn dự thi giáo viên dạy giỏi cấp huyện.",
                "Hội giảng là dịp để giáo viên học hỏi lẫn nhau, nâng cao tay nghề.",
            ),
        ),
        when=d(2016, 11, 7),
        scene="lop-hoc",
    ),
    Topic(
        "nha-giao-20-11",
        ACTIVITY,
        ALL,
        ("Kỷ niệm 34 năm ngày Nhà giáo Việt Nam 20/11", "Tri ân thầy cô nhân ngày 20/11"),
        (
            (
                "Sáng {date}, {school} long trọng tổ chức lễ kỷ niệm 34 năm ngày Nhà giáo Việt Nam "
                "(20/11/1982 – 20/11/2016) với sự tham dự của lãnh đạo địa phương, các thầy cô "
                "giáo nghỉ hưu và {parents}.",
                "Trong không khí ấm áp, ngày {date}, thầy và trò {short} họp mặt kỷ niệm ngày Nhà "
                "giáo Việt Nam 20/11.",
            ),
            (
                "Hiệu trưởng {principal} ôn lại truyền thống ngày Nhà giáo Việt Nam, tổng kết đợt "
                "thi đua và khen thưởng các tập thể, cá nhân có thành tích trong hội giảng.",
                "Chương trình văn nghệ do giáo viên và {pupils} biểu diễn với những ca khúc về thầy "
                "cô, mái trường; đại diện {pupils} đọc lời tri ân thầy cô.",
            ),
            (
                "Nhà trường khen thưởng {n1} giáo viên đạt giải hội giảng và {n2} {pupils} có thành "
                "tích trong phong trào “Hoa điểm tốt”.",
                "Buổi lễ khép lại trong niềm xúc động của nhiều thế hệ thầy cô.",
            ),
        ),
        when=d(2016, 11, 18),
        scene="nha-giao",
    ),
    Topic(
        "hoi-khoe-phu-dong",
        EXTRA,
        SCHOOLS,
        ("Hội khỏe Phù Đổng cấp trường năm học 2016-2017", "Sôi động Hội khỏe Phù Đổng"),
        (
            (
                "Từ ngày {date}, {school} tổ chức Hội khỏe Phù Đổng cấp trường với các môn điền "
                "kinh, cờ vua, bóng đá mini, nhảy dây và kéo co.",
                "Ngày {date}, {short} khai mạc Hội khỏe Phù Đổng cấp trường, thu hút {n3} vận động "
                "viên là {pupils} của {n_classes} lớp.",
            ),
            (
                "Các trận đấu diễn ra sôi nổi, an toàn; tinh thần thi đấu trung thực, đoàn kết "
                "được thầy cô đánh giá cao. Đội bóng đá {class_a} và đội kéo co {class_b} giành "
                "giải nhất.",
                "Giáo viên thể dục làm trọng tài; Ban đại diện cha mẹ học sinh hỗ trợ nước uống và "
                "giải thưởng cho các vận động viên.",
            ),
            (
                "Nhà trường chọn {n2} vận động viên xuất sắc để tập luyện dự Hội khỏe Phù Đổng cấp "
                "huyện.",
                "Hội khỏe góp phần phát triển phong trào rèn luyện thân thể trong {pupils}.",
            ),
        ),
        when=d(2016, 12, 3),
        scene="the-thao",
    ),
    Topic(
        "be-khoe-be-ngoan",
        EXTRA,
        (MN,),
        ("Hội thi “Bé khỏe – Bé ngoan”", "Ngày hội thể dục thể thao của các bé"),
        (
            (
                "Ngày {date}, {school} tổ chức hội thi “Bé khỏe – Bé ngoan” dành cho các bé mẫu "
                "giáo.",
                "Sáng {weekday} {date}, sân trường {short} rộn ràng tiếng cổ vũ trong ngày hội thể "
                "dục thể thao của các bé.",
            ),
            (
                "Các bé thi bật qua suối nhỏ, bò chui qua cổng, ném bóng vào rổ và đồng diễn thể "
                "dục buổi sáng; các cô chuẩn bị dụng cụ an toàn, nhiều màu sắc.",
                "Mỗi lớp có một tiết mục đồng diễn với nơ, vòng, cờ; phần thi “Bé chuyền bóng” "
                "khiến {parents} đến cổ vũ cười vui không ngớt.",
            ),
            (
                "Tất cả các bé tham gia đều nhận được quà; lớp {class_a} đạt giải nhất toàn đoàn.",
                "Hội thi giúp các bé mạnh dạn, tự tin và yêu thích vận động.",
            ),
        ),
        when=d(2016, 12, 2),
        scene="the-thao",
    ),
    Topic(
        "dia-dao",
        EXTRA,
        SCHOOLS,
        ("Về nguồn tại Khu di tích lịch sử Địa đạo Củ Chi", "Tham quan Địa đạo Củ Chi"),
        (
            (
                "Ngày {date}, {school} tổ chức cho {n3} {pupils} tham quan, học tập tại Khu di tích "
                "lịch sử Địa đạo Củ Chi (Bến Đình, xã Nhuận Đức).",
                "Chào mừng ngày thành lập Quân đội nhân dân Việt Nam, {short} tổ chức chuyến về nguồn "
                "tại Địa đạo Củ Chi vào ngày {date}.",
            ),
            (
                "{Pupils} được nghe thuyết minh về cuộc chiến đấu của quân và dân Củ Chi, tận mắt "
                "xem hầm chỉ huy, giếng nước, bếp Hoàng Cầm và trải nghiệm đi qua một đoạn địa đạo.",
                "Tại đền tưởng niệm liệt sĩ Bến Dược, thầy trò dâng hương tưởng nhớ các anh hùng "
                "liệt sĩ; sau đó các lớp thi tìm hiểu lịch sử quê hương.",
            ),
            (
                "Chuyến đi giúp {pupils} thêm tự hào về truyền thống “Đất thép thành đồng”.",
                "Sau chuyến đi, mỗi lớp viết một bài thu hoạch để trưng bày tại thư viện.",
            ),
        ),
        when=d(2016, 12, 9),
        scene="dia-dao",
    ),
    Topic(
        "qdnd-22-12",
        YOUTH,
        ALL,
        (
            "Kỷ niệm 72 năm ngày thành lập Quân đội nhân dân Việt Nam",
            "Hoạt động chào mừng ngày 22/12",
        ),
        (
            (
                "Nhân kỷ niệm 72 năm ngày thành lập Quân đội nhân dân Việt Nam (22/12/1944 – "
                "22/12/2016), ngày {date} {school} tổ chức buổi giao lưu với các cựu chiến binh "
                "xã {commune}.",
                "Ngày {date}, {short} tổ chức chương trình “Em yêu chú bộ đội” chào mừng ngày thành "
                "lập Quân đội nhân dân Việt Nam.",
            ),
            (
                "Các bác cựu chiến binh kể cho {pupils} nghe những câu chuyện chiến đấu trên vùng "
                "đất Củ Chi; {pupils} đặt nhiều câu hỏi và hát tặng các bác những bài ca về người "
                "lính.",
                "{Pupils} hóa trang thành chú bộ đội, tập đi đều, hát các bài hát truyền thống và "
                "viết thư gửi các chú ở đơn vị kết nghĩa.",
            ),
            (
                "Nhà trường tặng quà cho {n1} gia đình chính sách tại địa phương.",
                "Hoạt động góp phần giáo dục truyền thống uống nước nhớ nguồn cho {pupils}.",
            ),
        ),
        when=d(2016, 12, 22),
        scene="doi",
    ),
    Topic(
        "kiem-tra-hk1",
        TEACHING,
        SCHOOLS,
        ("Kiểm tra cuối học kỳ I nghiêm túc, đúng quy chế", "Hoàn thành kiểm tra cuối học kỳ I"),
        (
            (
                "Từ ngày {date}, {school} tổ chức kiểm tra cuối học kỳ I năm học 2016-2017 theo lịch "
                "chung của Phòng Giáo dục và Đào tạo.",
                "Tuần từ ngày {date}, {pupils} {short} bước vào đợt kiểm tra cuối học kỳ I.",
            ),
            (
                "Đề kiểm tra do tổ chuyên môn ra theo ma trận bốn mức độ; việc coi, chấm được thực "
                "hiện nghiêm túc, chấm chéo giữa các lớp và có biên bản đầy đủ.",
                "Phòng thi được bố trí đủ ánh sáng, số báo danh rõ ràng; giám thị thực hiện đúng "
                "quy chế, không có trường hợp vi phạm.",
            ),
            (
                "Kết quả sẽ được gửi đến {parents} qua sổ liên lạc trong tuần sau.",
                "Nhà trường sẽ tổ chức phụ đạo cho {pupils} chưa đạt yêu cầu ngay đầu học kỳ II.",
            ),
        ),
        when=d(2016, 12, 26),
        scene="lop-hoc",
    ),
    Topic(
        "so-ket-hk1",
        TEACHING,
        ALL,
        ("Sơ kết học kỳ I năm học 2016-2017", "Nhìn lại học kỳ I, hướng tới học kỳ II"),
        (
            (
                "Ngày {date}, {school} tổ chức hội nghị sơ kết học kỳ I năm học 2016-2017.",
                "Chiều {weekday} {date}, Hội đồng sư phạm {short} họp sơ kết học kỳ I.",
            ),
            (
                "Báo cáo sơ kết cho thấy tỷ lệ chuyên cần đạt trên 98%, chất lượng các môn đều tăng "
                "so với cùng kỳ; trang thông tin điện tử của trường đã duy trì cập nhật tin bài "
                "hằng tuần theo chỉ đạo của Phòng.",
                "Nhà trường đã hoàn thành các chỉ tiêu học kỳ I; phong trào thi đua dạy tốt – học "
                "tốt được duy trì, {n1} giáo viên đạt giáo viên dạy giỏi cấp trường.",
            ),
            (
                "Hội nghị đề ra {n1} nhiệm vụ trọng tâm của học kỳ II, trong đó có việc hoàn thiện "
                "hồ sơ công khai theo Thông tư 09/2009/TT-BGDĐT.",
                "Nhà trường khen thưởng {n2} {pupils} tiêu biểu của học kỳ I.",
            ),
        ),
        when=d(2017, 1, 13),
        scene="hoi-nghi",
    ),
    Topic(
        "hoi-xuan",
        ACTIVITY,
        ALL,
        ("Hội xuân Đinh Dậu 2017", "Tết yêu thương – Xuân Đinh Dậu"),
        (
            (
                "Ngày {date}, {school} tổ chức hội xuân Đinh Dậu với gian hàng ẩm thực, gói bánh "
                "tét và trò chơi dân gian.",
                "Trước kỳ nghỉ Tết Nguyên đán, ngày {date} {short} tổ chức chương trình “Tết yêu "
                "thương” cho {pupils} toàn trường.",
            ),
            (
                "Mỗi lớp trang trí một cây mai, cây đào bằng giấy màu; {pupils} được các cô hướng "
                "dẫn gói bánh tét, bày mâm ngũ quả và nghe kể về phong tục ngày Tết của quê hương.",
                "Hội chợ xuân với các gian hàng do {parents} và {pupils} cùng chuẩn bị; toàn bộ "
                "tiền lời được đưa vào quỹ giúp bạn vượt khó.",
            ),
            (
                "Nhà trường đã trao {n2} phần quà Tết cho {pupils} có hoàn cảnh khó khăn.",
                "Nhà trường chúc {parents} và {pupils} một mùa xuân an khang, thịnh vượng.",
            ),
        ),
        when=d(2017, 1, 20),
        scene="tet",
    ),
    Topic(
        "sau-tet",
        ACTIVITY,
        ALL,
        ("Ngày đầu đi học sau Tết Đinh Dậu", "Vui xuân, an toàn – trở lại trường sau Tết"),
        (
            (
                "Sáng {date}, {pupils} {school} trở lại trường sau kỳ nghỉ Tết Nguyên đán; tỷ lệ "
                "chuyên cần đạt 97%.",
                "Ngày {date}, ngày đầu tiên sau kỳ nghỉ Tết, sân trường {short} rộn rã tiếng cười "
                "nói của {pupils}.",
            ),
            (
                "Thầy cô chúc Tết {pupils}, nhắc nhở các em nhanh chóng ổn định nề nếp học tập; "
                "các lớp tổ chức tiết sinh hoạt kể về những ngày Tết bên gia đình.",
                "Nhà trường đã vệ sinh, phun thuốc phòng dịch toàn bộ phòng học trước ngày {pupils} "
                "trở lại; bếp ăn được kiểm tra an toàn thực phẩm.",
            ),
            (
                "Nhà trường đề nghị {parents} tiếp tục nhắc nhở con em đi học đúng giờ.",
                "Chương trình học kỳ II tiếp tục theo kế hoạch, không dồn ép.",
            ),
        ),
        when=d(2017, 2, 6),
        scene="san-truong",
    ),
    Topic(
        "chuyen-de-hk2",
        TEACHING,
        ALL,
        ("Chuyên đề cấp trường học kỳ II", "Sinh hoạt chuyên môn theo nghiên cứu bài học"),
        (
            (
                "Ngày {date}, {school} tổ chức sinh hoạt chuyên môn theo hướng nghiên cứu bài học "
                "tại {class_b}.",
                "Tiếp nối chuyên đề học kỳ I, chiều {weekday} {date}, {short} tổ chức chuyên đề "
                "cấp trường học kỳ II.",
            ),
            (
                "Thay vì đánh giá xếp loại giờ dạy, giáo viên dự giờ tập trung quan sát cách "
                "{pupils} học, phát hiện những khó khăn của từng nhóm để cùng tìm biện pháp hỗ trợ.",
                "Chuyên đề giới thiệu cách sử dụng đồ dùng dạy học tự làm và phần mềm trình chiếu "
                "để minh họa bài giảng sinh động hơn.",
            ),
            (
                "Các tổ sẽ thực hiện mỗi tháng ít nhất một bài học nghiên cứu.",
                "Phó Hiệu trưởng {vice} tổng kết và đề nghị áp dụng rộng rãi.",
            ),
        ),
        when=d(2017, 2, 22),
        scene="lop-hoc",
    ),
    Topic(
        "phu-nu-8-3",
        ACTIVITY,
        ALL,
        ("Chào mừng ngày Quốc tế Phụ nữ 8/3", "Họp mặt kỷ niệm ngày 8/3"),
        (
            (
                "Ngày {date}, Công đoàn {school} tổ chức họp mặt kỷ niệm 107 năm ngày Quốc tế Phụ "
                "nữ (8/3/1910 – 8/3/2017).",
                "Nhân ngày 8/3, ngày {date} {short} tổ chức hội thi “Duyên dáng áo dài” dành cho "
                "cán bộ, giáo viên, nhân viên nữ.",
            ),
            (
                "Chương trình gồm phần trình diễn áo dài, thi nấu ăn và giao lưu văn nghệ; các thầy "
                "giáo trong trường đã chuẩn bị những món quà nhỏ tặng các cô.",
                "Các cô được nghe nói chuyện chuyên đề về chăm sóc sức khỏe phụ nữ do Trạm y tế xã "
                "{commune} trình bày.",
            ),
            (
                "Công đoàn tặng quà cho {n1} nữ đoàn viên có hoàn cảnh khó khăn.",
                "Buổi họp mặt diễn ra vui tươi, đầm ấm.",
            ),
        ),
        when=d(2017, 3, 8),
        scene="hoa",
    ),
    Topic(
        "doan-26-3",
        YOUTH,
        SCHOOLS,
        (
            "Kỷ niệm 86 năm ngày thành lập Đoàn TNCS Hồ Chí Minh",
            "Tháng Ba – tháng Thanh niên tại {short}",
        ),
        (
            (
                "Chào mừng 86 năm ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh (26/3/1931 – "
                "26/3/2017), ngày {date} Chi đoàn giáo viên và Liên đội {short} tổ chức chuỗi hoạt "
                "động tháng Thanh niên.",
                "Ngày {date}, {school} tổ chức ngày hội “Tiến bước lên Đoàn” cho đội viên {top_grade}.",
            ),
            (
                "Các hoạt động gồm thi rung chuông vàng tìm hiểu về Đoàn, ngày chủ nhật xanh làm "
                "sạch đường quê và trồng {n2} cây xanh trong khuôn viên trường.",
                "Những đội viên tiêu biểu được giới thiệu để Đoàn xã {commune} xem xét kết nạp; "
                "chương trình có phần giao lưu với các anh chị đoàn viên thanh niên địa phương.",
            ),
            (
                "Liên đội tuyên dương {n2} đội viên xuất sắc.",
                "Hoạt động giúp {pupils} hiểu thêm về truyền thống của tổ chức Đoàn.",
            ),
        ),
        when=d(2017, 3, 24),
        scene="doi",
    ),
    Topic(
        "hoc-sinh-gioi",
        TEACHING,
        (THCS,),
        ("Kết quả kỳ thi học sinh giỏi cấp huyện", "Học sinh đạt giải học sinh giỏi cấp huyện"),
        (
            (
                "Tại kỳ thi chọn học sinh giỏi lớp 9 cấp huyện năm học 2016-2017, {school} có {n1} "
                "học sinh đạt giải.",
                "Ngày {date}, Phòng Giáo dục và Đào tạo công bố kết quả thi học sinh giỏi lớp 9 cấp "
                "huyện; {short} đạt {n1} giải.",
            ),
            (
                "Các giải tập trung ở môn Toán, Ngữ văn, Tiếng Anh và Vật lý; đây là kết quả của quá "
                "trình bồi dưỡng từ đầu năm học với sự đầu tư của đội ngũ giáo viên bộ môn.",
                "Đội tuyển được bồi dưỡng từ tháng 9 theo chương trình riêng, mỗi tuần hai buổi, "
                "có kiểm tra đánh giá định kỳ.",
            ),
            (
                "Nhà trường chúc mừng các em và thầy cô phụ trách đội tuyển.",
                "Nhà trường sẽ khen thưởng các em trong lễ tổng kết năm học.",
            ),
        ),
        when=d(2017, 3, 15),
        scene="lop-hoc",
    ),
    Topic(
        "ngay-hoi-doc-sach",
        EXTRA,
        ALL,
        ("Ngày hội đọc sách 21/4", "Hưởng ứng ngày Sách Việt Nam"),
        (
            (
                "Hưởng ứng ngày Sách Việt Nam 21/4, ngày {date} {school} tổ chức ngày hội đọc sách "
                "với chủ đề “Sách – người bạn đồng hành”.",
                "Ngày {date}, thư viện {short} mở cửa đón {pupils} trong ngày hội đọc sách, với "
                "{n3} đầu sách mới được trưng bày.",
            ),
            (
                "{Pupils} tham gia thi kể chuyện theo sách, vẽ bìa sách yêu thích và trao đổi sách "
                "cũ; góc đọc sách ngoài trời dưới tán cây được bố trí ghế ngồi, đệm màu sắc.",
                "Phong trào quyên góp sách đã thu được {n3} cuốn để bổ sung tủ sách lớp học và tặng "
                "{pupils} vùng khó khăn.",
            ),
            (
                "Nhà trường khuyến khích {parents} cùng con đọc sách mỗi tối.",
                "Thư viện sẽ mở thêm giờ đọc vào buổi trưa cho {pupils} bán trú.",
            ),
        ),
        when=d(2017, 4, 21),
        scene="sach",
    ),
    Topic(
        "le-30-4",
        YOUTH,
        ALL,
        (
            "Kỷ niệm 42 năm ngày Giải phóng miền Nam, thống nhất đất nước",
            "Chào mừng 30/4 và 1/5",
        ),
        (
            (
                "Chào mừng 42 năm ngày Giải phóng miền Nam, thống nhất đất nước (30/4/1975 – "
                "30/4/2017) và ngày Quốc tế Lao động 1/5, ngày {date} {school} tổ chức buổi sinh "
                "hoạt truyền thống.",
                "Ngày {date}, thầy trò {short} có buổi chào cờ đặc biệt hướng về ngày 30/4.",
            ),
            (
                "{Pupils} được nghe kể về những chiến công của quân và dân Củ Chi trong cuộc kháng "
                "chiến; các lớp thi hát những ca khúc cách mạng.",
                "Liên đội phát động thi vẽ tranh “Quê hương em đổi mới”, thu được {n3} bức tranh; "
                "những tranh đẹp được trưng bày ở hành lang trường.",
            ),
            (
                "Nhà trường thông báo lịch nghỉ lễ 30/4 và 1/5 đến {parents}.",
                "Hoạt động giúp {pupils} thêm hiểu và trân trọng hòa bình.",
            ),
        ),
        when=d(2017, 4, 28),
        scene="co",
    ),
    Topic(
        "sinh-nhat-bac",
        YOUTH,
        SCHOOLS,
        (
            "Kết nạp đội viên mới nhân ngày sinh nhật Bác",
            "Kỷ niệm 127 năm ngày sinh Chủ tịch Hồ Chí Minh",
        ),
        (
            (
                "Nhân kỷ niệm 127 năm ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 – 19/5/2017), ngày "
                "{date} Liên đội {short} tổ chức lễ kết nạp đội viên mới.",
                "Ngày {date}, {school} tổ chức lễ kỷ niệm ngày sinh Bác Hồ kính yêu.",
            ),
            (
                "{n3} {pupils} được kết nạp vào Đội Thiếu niên Tiền phong Hồ Chí Minh; các em xúc "
                "động khi được anh chị phụ trách thắt chiếc khăn quàng đỏ.",
                "Các lớp thi kể chuyện về Bác, đọc thơ về Bác; nhiều câu chuyện về đức tính giản dị, "
                "tiết kiệm của Bác được các em kể lại rất truyền cảm.",
            ),
            (
                "Liên đội phát động đợt thi đua “Làm theo lời Bác” trong dịp hè.",
                "Hoạt động khép lại năm học với nhiều ý nghĩa.",
            ),
        ),
        when=d(2017, 5, 19),
        scene="doi",
    ),
    Topic(
        "tong-ket",
        ACTIVITY,
        ALL,
        ("Lễ tổng kết năm học 2016-2017", "Tổng kết năm học và tri ân {pupils} cuối cấp"),
        (
            (
                "Ngày {date}, {school} tổ chức lễ tổng kết năm học 2016-2017 và khen thưởng "
                "{pupils} có thành tích xuất sắc.",
                "Sáng {weekday} {date}, {short} long trọng tổ chức lễ tổng kết năm học và chia tay "
                "{pupils} {top_grade}.",
            ),
            (
                "Năm học qua, nhà trường hoàn thành tốt các chỉ tiêu: tỷ lệ {pupils} hoàn thành "
                "chương trình đạt trên 98%, {n2} {pupils} đạt giải các hội thi cấp huyện, trang "
                "thông tin điện tử được duy trì cập nhật thường xuyên và công khai đầy đủ theo quy "
                "định.",
                "Hiệu trưởng {principal} đánh giá năm học 2016-2017 là năm học có nhiều đổi mới, "
                "đặc biệt trong công tác thông tin với {parents} qua trang thông tin điện tử.",
            ),
            (
                "Nhà trường chúc {pupils} một mùa hè vui tươi, an toàn và bổ ích.",
                "Nhà trường nhắc {parents} theo dõi thông báo tuyển sinh năm học 2017-2018 trên "
                "trang thông tin của trường.",
            ),
        ),
        when=d(2017, 5, 25),
        scene="tong-ket",
    ),
)

EVERYDAY_TOPICS = (
    Topic(
        "sinh-hoat-duoi-co",
        YOUTH,
        SCHOOLS,
        ("Sinh hoạt dưới cờ chủ đề “Em yêu trường em”", "Tiết chào cờ đầu tuần theo chủ đề"),
        (
            (
                "Sáng thứ Hai, tiết chào cờ của {school} được tổ chức theo chủ đề “Em yêu trường "
                "em” do {class_a} phụ trách.",
                "Tiết sinh hoạt dưới cờ đầu tuần tại {short} được đổi mới thành diễn đàn để {pupils} "
                "trình bày tiểu phẩm, câu đố theo chủ đề.",
            ),
            (
                "Các em dàn dựng tiểu phẩm về giữ gìn vệ sinh trường lớp và bảo vệ cây xanh, sau đó "
                "đặt câu hỏi giao lưu với các lớp; phần thưởng là những cuốn vở do Liên đội trao.",
                "Thay cho những lời nhắc nhở khô khan, {pupils} được xem tình huống về ứng xử với "
                "bạn bè và cùng thảo luận cách giải quyết.",
            ),
            (
                "Mỗi tuần một lớp sẽ phụ trách chủ đề sinh hoạt dưới cờ.",
                "Tổng phụ trách Đội nhận xét thi đua tuần và tuyên dương {n1} lớp dẫn đầu.",
            ),
        ),
        scene="co",
    ),
    Topic(
        "thao-giang",
        TEACHING,
        ALL,
        ("Thao giảng tổ chuyên môn", "Dự giờ thao giảng, trao đổi kinh nghiệm"),
        (
            (
                "Trong tuần, tổ chuyên môn của {school} tổ chức thao giảng tại {class_b} với "
                "{n1} giáo viên dự giờ.",
                "Nhằm trao đổi kinh nghiệm giảng dạy, các tổ chuyên môn {short} tổ chức thao giảng "
                "luân phiên.",
            ),
            (
                "Tiết dạy chú trọng rèn kỹ năng đọc hiểu, tổ chức trò chơi khởi động ngắn gọn và "
                "dành thời gian cho {pupils} tự trình bày kết quả làm việc nhóm.",
                "Giáo viên dự giờ góp ý cụ thể về cách đặt câu hỏi gợi mở, phân bố thời gian và "
                "quan tâm đến {pupils} còn rụt rè.",
            ),
            (
                "Tổ trưởng chuyên môn tổng hợp ý kiến để hoàn thiện kế hoạch bài dạy mẫu.",
                "Hoạt động thao giảng được duy trì hai tuần một lần.",
            ),
        ),
        scene="lop-hoc",
    ),
    Topic(
        "phong-chong-duoi-nuoc",
        EXTRA,
        ALL,
        ("Giáo dục kỹ năng phòng tránh đuối nước", "Bơi an toàn – phòng tránh đuối nước"),
        (
            (
                "Củ Chi có nhiều kênh rạch và sông Sài Gòn chảy qua; vì vậy {school} tổ chức buổi "
                "giáo dục kỹ năng phòng tránh đuối nước cho {pupils}.",
                "Trong tuần, {short} phối hợp với Nhà văn hóa huyện tổ chức chuyên đề “Phòng tránh "
                "đuối nước” cho {pupils}.",
            ),
            (
                "{Pupils} được hướng dẫn không chơi gần ao, kênh, mương khi không có người lớn; "
                "cách kêu cứu, cách dùng phao, sào để hỗ trợ bạn mà không nhảy xuống nước cứu.",
                "Huấn luyện viên làm mẫu các động tác sơ cứu ban đầu; {pupils} thực hành nhận biết "
                "khu vực nguy hiểm qua tranh ảnh.",
            ),
            (
                "Nhà trường đề nghị {parents} quản lý con em vào cuối tuần và dịp nghỉ lễ.",
                "Dịp hè, nhà trường sẽ phối hợp mở lớp dạy bơi cho {pupils}.",
            ),
        ),
        months=(3, 4, 5),
        scene="san-truong",
    ),
    Topic(
        "sot-xuat-huyet",
        ACTIVITY,
        ALL,
        ("Phòng chống sốt xuất huyết trong trường học", "Chiến dịch diệt lăng quăng tại trường"),
        (
            (
                "Mùa mưa là thời điểm dịch sốt xuất huyết dễ bùng phát; {school} đã phối hợp với "
                "Trạm y tế xã {commune} ra quân diệt lăng quăng trong khuôn viên trường.",
                "Thực hiện chỉ đạo của ngành y tế, {short} tổ chức tuyên truyền phòng chống sốt xuất "
                "huyết cho {pupils} và {parents}.",
            ),
            (
                "Giáo viên và nhân viên thu gom vật dụng chứa nước đọng, thả cá vào bể nước, phát "
                "quang bụi rậm; mỗi lớp được phát tờ rơi hướng dẫn để gửi về gia đình.",
                "Nhân viên y tế trường hướng dẫn dấu hiệu nhận biết sốt xuất huyết và những việc "
                "cần làm khi trẻ sốt cao liên tục.",
            ),
            (
                "Nhà trường đề nghị {parents} thực hiện “mỗi tuần một lần diệt lăng quăng” tại nhà.",
                "Khi {pupils} có biểu hiện sốt, đề nghị {parents} đưa đi khám và báo giáo viên chủ "
                "nhiệm.",
            ),
        ),
        months=(5, 9, 10, 11),
        scene="san-truong",
    ),
    Topic(
        "thu-vien-than-thien",
        ACTIVITY,
        ALL,
        ("Thư viện thân thiện – góc đọc sách lớp học", "Xây dựng tủ sách lớp học"),
        (
            (
                "Năm học này, {school} xây dựng mô hình thư viện thân thiện với góc đọc sách tại "
                "từng lớp.",
                "Mỗi lớp của {short} nay đều có một tủ sách nhỏ do {pupils} và {parents} cùng đóng "
                "góp.",
            ),
            (
                "Thư viện được sắp xếp lại với kệ thấp, tranh màu, thảm ngồi; {pupils} tự chọn sách, "
                "ghi sổ mượn và có giờ đọc tự do vào buổi trưa.",
                "Cán bộ thư viện giới thiệu sách mới mỗi tuần qua bảng tin và buổi chào cờ; {n3} "
                "cuốn sách đã được mượn trong tháng.",
            ),
            (
                "Nhà trường tiếp nhận sách tặng của {parents} tại phòng thư viện trong giờ hành chính.",
                "Mô hình sẽ được nhân rộng trong toàn trường từ học kỳ II.",
            ),
        ),
        months=(9, 10, 11),
        scene="sach",
    ),
    Topic(
        "ke-hoach-nho",
        YOUTH,
        SCHOOLS,
        ("Phong trào kế hoạch nhỏ thu gom giấy vụn", "Đội viên thu gom giấy vụn gây quỹ"),
        (
            (
                "Liên đội {school} phát động phong trào kế hoạch nhỏ, thu gom giấy vụn, chai nhựa "
                "để gây quỹ giúp bạn khó khăn.",
                "Trong tuần, các chi đội {short} sôi nổi thu gom giấy vụn hưởng ứng phong trào kế "
                "hoạch nhỏ.",
            ),
            (
                "Sau một tuần, Liên đội thu được {n3} kg giấy vụn và {n2} kg chai nhựa; {class_a} dẫn "
                "đầu với lượng giấy gom nhiều nhất.",
                "Số tiền bán giấy vụn được dùng mua áo trắng, dụng cụ học tập tặng {n1} bạn có hoàn "
                "cảnh khó khăn.",
            ),
            (
                "Phong trào còn giúp {pupils} hình thành thói quen phân loại rác.",
                "Liên đội tuyên dương các chi đội tích cực trong buổi chào cờ.",
            ),
        ),
        scene="doi",
    ),
    Topic(
        "kham-suc-khoe",
        ACTIVITY,
        ALL,
        ("Khám sức khỏe định kỳ cho {pupils}", "Kiểm tra sức khỏe định kỳ năm học 2016-2017"),
        (
            (
                "Trong tuần, {school} phối hợp với Trung tâm Y tế huyện Củ Chi khám sức khỏe định "
                "kỳ cho {n_pupils} {pupils}.",
                "Nhân viên y tế {short} cùng bác sĩ Trạm y tế xã {commune} tổ chức khám sức khỏe "
                "cho {pupils} toàn trường.",
            ),
            (
                "{Pupils} được đo chiều cao, cân nặng, khám răng miệng và mắt; kết quả cho thấy tỷ "
                "lệ suy dinh dưỡng giảm, nhưng tỷ lệ cận thị và sâu răng cần tiếp tục quan tâm.",
                "Kết quả khám được ghi vào sổ theo dõi sức khỏe và gửi đến {parents}; các trường hợp "
                "cần theo dõi thêm đã được tư vấn cụ thể.",
            ),
            (
                "Nhà trường đề nghị {parents} quan tâm chế độ ăn, giờ ngủ và thời gian xem ti vi, "
                "điện thoại của con.",
                "Nhà trường sẽ tổ chức chuyên đề chăm sóc răng miệng trong tháng tới.",
            ),
        ),
        months=(9, 10, 11),
        scene="y-te",
    ),
    Topic(
        "van-nghe",
        EXTRA,
        ALL,
        ("Hội thi văn nghệ cấp trường", "Liên hoan văn nghệ “Mái trường mến yêu”"),
        (
            (
                "{school} tổ chức hội thi văn nghệ với chủ đề “Mái trường mến yêu”, thu hút {n2} "
                "tiết mục của các lớp.",
                "Chiều thứ Sáu, sân khấu ngoài trời của {short} rực rỡ sắc màu trong liên hoan văn "
                "nghệ cấp trường.",
            ),
            (
                "Các tiết mục đa dạng: đơn ca, tốp ca, múa, kịch ngắn; nhiều tiết mục được dàn dựng "
                "công phu với trang phục tự may, đạo cụ tự làm.",
                "Tiết mục múa “Quê hương Củ Chi” của {class_a} và tốp ca của {class_b} được khán giả "
                "cổ vũ nhiệt liệt.",
            ),
            (
                "Ban giám khảo trao giải nhất cho {class_a}; các tiết mục xuất sắc sẽ tham gia hội "
                "diễn cấp huyện.",
                "Hội thi giúp {pupils} tự tin, mạnh dạn thể hiện năng khiếu.",
            ),
        ),
        months=(11, 12, 3),
        scene="van-nghe",
    ),
    Topic(
        "ve-tranh",
        EXTRA,
        ALL,
        ("Hội thi vẽ tranh “Ước mơ của em”", "Triển lãm tranh của {pupils}"),
        (
            (
                "{school} tổ chức hội thi vẽ tranh chủ đề “Ước mơ của em”, nhận được {n3} bức tranh.",
                "Hành lang {short} tuần này trở thành phòng triển lãm tranh của {pupils}.",
            ),
            (
                "Những bức tranh thể hiện ước mơ làm bác sĩ, cô giáo, chú phi công, hay đơn giản là "
                "một ngôi nhà có vườn cây trái; màu sắc tươi tắn, bố cục hồn nhiên.",
                "Giáo viên mỹ thuật hướng dẫn {pupils} pha màu, phác thảo; các em được tự do chọn "
                "chất liệu như sáp màu, màu nước, giấy xé dán.",
            ),
            (
                "{n2} bức tranh đẹp nhất được chọn in lịch tặng {parents} dịp Tết.",
                "Nhà trường trao giải cho {n1} tác phẩm xuất sắc.",
            ),
        ),
        scene="ve-tranh",
    ),
    Topic(
        "tin-hoc",
        TEACHING,
        SCHOOLS,
        ("Hội thi Tin học trẻ cấp trường", "{Pupils} tranh tài Tin học trẻ"),
        (
            (
                "{school} tổ chức hội thi Tin học trẻ cấp trường với {n2} thí sinh tham gia.",
                "Phòng máy của {short} sôi động trong hội thi Tin học trẻ cấp trường.",
            ),
            (
                "Thí sinh thi soạn thảo văn bản, trình chiếu và lập trình Scratch; nhiều sản phẩm "
                "giới thiệu về di tích Địa đạo Củ Chi và về mái trường được đánh giá cao.",
                "Đề thi gồm phần lý thuyết trắc nghiệm và phần thực hành; giáo viên Tin học chấm "
                "theo thang điểm của Hội thi cấp huyện.",
            ),
            (
                "{n1} thí sinh xuất sắc được chọn vào đội tuyển dự thi cấp huyện.",
                "Hội thi góp phần phát triển phong trào ứng dụng công nghệ thông tin trong {pupils}.",
            ),
        ),
        scene="may-tinh",
    ),
    Topic(
        "phong-chong-ma-tuy",
        EXTRA,
        (THCS,),
        ("Tuyên truyền phòng chống ma túy học đường", "Nói không với ma túy và thuốc lá điện tử"),
        (
            (
                "{school} phối hợp với Công an xã {commune} tổ chức buổi tuyên truyền phòng chống "
                "ma túy học đường cho học sinh khối 8 và khối 9.",
                "Trong tiết sinh hoạt dưới cờ, {short} tổ chức chuyên đề “Học đường không ma túy”.",
            ),
            (
                "Báo cáo viên giới thiệu các loại ma túy tổng hợp đang lẩn khuất dưới dạng kẹo, trà "
                "sữa, và thủ đoạn dụ dỗ học sinh thử; học sinh được hướng dẫn cách từ chối.",
                "Học sinh được xem phim tư liệu và tham gia trả lời câu hỏi; các em ký cam kết không "
                "sử dụng, không tàng trữ chất gây nghiện.",
            ),
            (
                "Nhà trường đề nghị {parents} quan tâm các mối quan hệ bạn bè của con.",
                "Hộp thư tư vấn học đường được đặt tại phòng y tế để học sinh chia sẻ.",
            ),
        ),
        scene="hoi-nghi",
    ),
    Topic(
        "huong-nghiep",
        TEACHING,
        (THCS,),
        ("Tư vấn hướng nghiệp cho học sinh lớp 9", "Định hướng chọn trường sau THCS"),
        (
            (
                "{school} tổ chức buổi tư vấn hướng nghiệp, tuyển sinh lớp 10 cho học sinh khối 9 "
                "và {parents}.",
                "Học sinh lớp 9 {short} được gặp gỡ đại diện các trường THPT, trường nghề trên địa "
                "bàn huyện.",
            ),
            (
                "Các thầy cô giới thiệu phương thức tuyển sinh lớp 10, các trường THPT Củ Chi, Quang "
                "Trung, Trung Phú và các trường trung cấp nghề, giúp học sinh chọn nguyện vọng phù "
                "hợp.",
                "Chuyên viên tư vấn chia sẻ cách nhận biết sở thích, năng lực bản thân và xu hướng "
                "việc làm tại địa phương.",
            ),
            (
                "Nhà trường sẽ tổ chức thêm buổi tư vấn vào tháng 4 trước khi học sinh nộp hồ sơ.",
                "Mọi thắc mắc, {parents} liên hệ giáo viên chủ nhiệm lớp 9.",
            ),
        ),
        months=(3, 4),
        scene="hoi-nghi",
    ),
    Topic(
        "ban-dai-dien-cmhs",
        ACTIVITY,
        ALL,
        ("Ban đại diện cha mẹ học sinh họp định kỳ", "Phối hợp nhà trường – gia đình"),
        (
            (
                "Ban đại diện cha mẹ học sinh {school} họp định kỳ cùng Ban giám hiệu.",
                "Ban giám hiệu {short} và Ban đại diện cha mẹ học sinh vừa họp bàn các hoạt động "
                "phối hợp.",
            ),
            (
                "Cuộc họp thống nhất kế hoạch hỗ trợ {pupils} khó khăn, phương án đưa đón an toàn "
                "giờ tan học và việc công khai các khoản thu chi của Ban đại diện trên trang thông "
                "tin điện tử của trường.",
                "Nhà trường báo cáo tình hình học tập, nề nếp; Ban đại diện phản ánh ý kiến của "
                "{parents} về giờ học, bán trú, và được nhà trường giải đáp cụ thể.",
            ),
            (
                "Biên bản cuộc họp được gửi đến các Ban đại diện lớp.",
                "Cuộc họp diễn ra cởi mở, thẳng thắn.",
            ),
        ),
        scene="hop-phu-huynh",
    ),
    Topic(
        "kiem-tra-noi-bo",
        TEACHING,
        ALL,
        ("Kiểm tra nội bộ trường học", "Kiểm tra hồ sơ chuyên môn định kỳ"),
        (
            (
                "Thực hiện kế hoạch kiểm tra nội bộ, Ban kiểm tra {school} đã kiểm tra hồ sơ chuyên "
                "môn của {n1} giáo viên.",
                "Trong tháng, {short} kiểm tra nội bộ các tổ chuyên môn và bộ phận văn phòng.",
            ),
            (
                "Nội dung kiểm tra gồm kế hoạch bài dạy, sổ điểm, hồ sơ chủ nhiệm, việc thực hiện "
                "chương trình; phần lớn hồ sơ đầy đủ, khoa học.",
                "Ban kiểm tra dự giờ {n1} tiết, kiểm tra thư viện, thiết bị và công tác bán trú; các "
                "tồn tại được góp ý trực tiếp.",
            ),
            (
                "Kết quả kiểm tra được thông báo trong cuộc họp Hội đồng sư phạm.",
                "Các bộ phận khắc phục tồn tại trong hai tuần.",
            ),
        ),
        scene="hoi-nghi",
    ),
    Topic(
        "tieng-anh",
        EXTRA,
        ALL,
        ("Giao lưu “Vui học tiếng Anh”", "Ngày hội tiếng Anh"),
        (
            (
                "{school} tổ chức giao lưu “Vui học tiếng Anh” cho {pupils}.",
                "Ngày hội tiếng Anh của {short} diễn ra vào chiều thứ Năm với {n2} đội tham gia.",
            ),
            (
                "{Pupils} hát, kể chuyện, đóng kịch ngắn bằng tiếng Anh; trò chơi ô chữ và đoán từ "
                "qua hình tạo không khí sôi nổi.",
                "Giáo viên tiếng Anh tổ chức các trạm trò chơi: chào hỏi, mua bán, hỏi đường; mỗi "
                "trạm hoàn thành được nhận một con dấu ngôi sao.",
            ),
            (
                "Nhà trường duy trì câu lạc bộ tiếng Anh vào chiều thứ Sáu hằng tuần.",
                "Hoạt động giúp {pupils} mạnh dạn giao tiếp.",
            ),
        ),
        scene="lop-hoc",
    ),
    Topic(
        "quyen-gop",
        YOUTH,
        ALL,
        ("Quyên góp ủng hộ đồng bào miền Trung", "Chung tay vì miền Trung thân yêu"),
        (
            (
                "Hưởng ứng lời kêu gọi của Ủy ban Mặt trận Tổ quốc, {school} phát động quyên góp "
                "ủng hộ đồng bào miền Trung bị lũ lụt.",
                "Thầy trò {short} đã quyên góp tiền, sách vở, quần áo gửi đồng bào vùng lũ miền "
                "Trung.",
            ),
            (
                "Sau một tuần, nhà trường đã quyên góp được {n2} triệu đồng cùng {n3} bộ sách giáo "
                "khoa, quần áo; toàn bộ đã chuyển qua Ủy ban Mặt trận Tổ quốc xã {commune}.",
                "Nhiều {pupils} đã dành tiền tiết kiệm trong heo đất; các thầy cô ủng hộ một ngày "
                "lương.",
            ),
            (
                "Nhà trường cảm ơn tấm lòng của {parents} và {pupils}.",
                "Danh sách ủng hộ được niêm yết tại bảng tin nhà trường.",
            ),
        ),
        when=d(2016, 10, 24),
        scene="doi",
    ),
    Topic(
        "an-toan-thuc-pham",
        ACTIVITY,
        ALL,
        ("Kiểm tra an toàn thực phẩm bếp ăn bán trú", "Bếp ăn an toàn – bữa ăn đủ chất"),
        (
            (
                "Đoàn kiểm tra liên ngành huyện Củ Chi đã kiểm tra công tác an toàn thực phẩm tại "
                "bếp ăn của {school}.",
                "{short} tự kiểm tra bếp ăn bán trú với sự tham gia của Ban đại diện cha mẹ học "
                "sinh.",
            ),
            (
                "Bếp ăn được bố trí một chiều, có hợp đồng cung cấp thực phẩm rõ nguồn gốc, lưu mẫu "
                "thức ăn 24 giờ; nhân viên cấp dưỡng có giấy khám sức khỏe và chứng nhận tập huấn.",
                "{parents} được mời dự giờ chế biến và ăn thử bữa trưa cùng {pupils}; nhiều ý kiến "
                "đề nghị tăng rau xanh và trái cây đã được ghi nhận.",
            ),
            (
                "Thực đơn hằng tuần được công khai trên trang thông tin điện tử của trường.",
                "Đoàn kiểm tra đánh giá bếp ăn đạt yêu cầu.",
            ),
        ),
        months=(10, 11, 12, 2, 3),
        scene="bep-an",
    ),
    Topic(
        "tay-chan-mieng",
        ACTIVITY,
        (MN,),
        ("Phòng chống bệnh tay chân miệng", "Vệ sinh phòng bệnh cho trẻ"),
        (
            (
                "{school} tăng cường các biện pháp phòng chống bệnh tay chân miệng trong trường.",
                "Trước diễn biến của bệnh tay chân miệng, {short} đã lau rửa đồ chơi, sàn lớp bằng "
                "dung dịch sát khuẩn hằng ngày.",
            ),
            (
                "Các cô hướng dẫn trẻ rửa tay bằng xà phòng đúng sáu bước trước khi ăn và sau khi đi "
                "vệ sinh; mỗi sáng giáo viên quan sát trẻ khi đón để phát hiện sớm dấu hiệu bệnh.",
                "Nhà trường gửi tờ hướng dẫn đến {parents}: khi trẻ sốt, loét miệng, nổi bóng nước ở "
                "tay chân, cần cho trẻ nghỉ ở nhà và đưa đi khám.",
            ),
            (
                "Đến nay nhà trường chưa ghi nhận ca bệnh nào.",
                "Nhà trường cảm ơn {parents} đã phối hợp thông báo kịp thời.",
            ),
        ),
        months=(3, 4, 9, 10, 11),
        scene="mam-non",
    ),
    Topic(
        "dinh-duong",
        ACTIVITY,
        (MN,),
        ("Chuyên đề dinh dưỡng cho trẻ mầm non", "Bữa ăn đủ chất cho bé"),
        (
            (
                "{school} tổ chức chuyên đề dinh dưỡng với sự tham gia của {parents}.",
                "Nhân viên dinh dưỡng {short} chia sẻ với {parents} cách xây dựng bữa ăn cân đối "
                "cho trẻ.",
            ),
            (
                "Thực đơn của trường được tính toán theo nhu cầu năng lượng của từng độ tuổi, thay "
                "đổi theo mùa và đảm bảo đủ bốn nhóm chất; trẻ suy dinh dưỡng được bổ sung sữa buổi "
                "chiều.",
                "Các cô hướng dẫn {parents} chế biến món ăn từ rau củ quen thuộc của quê Củ Chi và "
                "cách tập cho trẻ ăn rau.",
            ),
            (
                "Tỷ lệ trẻ suy dinh dưỡng của trường giảm còn dưới 3%.",
                "Thực đơn tuần được công khai tại bảng tin và trên trang thông tin của trường.",
            ),
        ),
        scene="bep-an",
    ),
    Topic(
        "vuon-rau",
        EXTRA,
        (MN,),
        ("Bé chăm sóc vườn rau", "Hoạt động ngoài trời: vườn rau của bé"),
        (
            (
                "Góc thiên nhiên của {school} có vườn rau nhỏ do các bé lớp Chồi, lớp Lá cùng cô chăm "
                "sóc.",
                "Giờ hoạt động ngoài trời, các bé {short} được cô hướng dẫn tưới rau, nhổ cỏ.",
            ),
            (
                "Các bé gieo hạt cải, rau muống, chăm sóc hằng ngày và quan sát sự lớn lên của cây; "
                "qua đó các bé học về màu sắc, đếm số lá và hiểu công việc của người nông dân.",
                "Khi rau lớn, các bé cùng cô thu hoạch, nhặt rau và mang xuống bếp để nấu canh cho "
                "bữa trưa; bé nào cũng hào hứng ăn rau do mình trồng.",
            ),
            (
                "Nhà trường cảm ơn {parents} đã tặng hạt giống và chậu trồng cây.",
                "Hoạt động giúp trẻ yêu thiên nhiên, yêu lao động.",
            ),
        ),
        scene="vuon-rau",
    ),
    Topic(
        "do-dung-do-choi",
        TEACHING,
        (MN,),
        ("Hội thi làm đồ dùng, đồ chơi tự tạo", "Đồ chơi từ vật liệu tái chế"),
        (
            (
                "{school} tổ chức hội thi làm đồ dùng, đồ chơi tự tạo dành cho giáo viên.",
                "Các cô {short} trổ tài làm đồ chơi từ vật liệu tái chế trong hội thi cấp trường.",
            ),
            (
                "{n2} sản phẩm dự thi được làm từ chai nhựa, lõi giấy, vải vụn, hột hạt; nhiều đồ "
                "chơi có thể dùng cho nhiều hoạt động như làm quen với toán, phát triển vận động.",
                "Ban giám khảo đánh giá sản phẩm theo tính an toàn, thẩm mỹ, sáng tạo và khả năng sử "
                "dụng; đồ chơi “Cây toán học” của lớp {class_a} đạt giải nhất.",
            ),
            (
                "Các sản phẩm được đưa vào sử dụng tại các góc chơi của lớp.",
                "Sản phẩm đạt giải sẽ dự thi cấp huyện.",
            ),
        ),
        months=(10, 11, 2, 3),
        scene="mam-non",
    ),
    Topic(
        "be-tap-lam-noi-tro",
        EXTRA,
        (MN,),
        ("Bé tập làm nội trợ", "Bé làm bánh, pha nước cam"),
        (
            (
                "Trong tuần, các bé lớp Lá của {school} tham gia hoạt động “Bé tập làm nội trợ”.",
                "Hoạt động trải nghiệm “Bé làm bánh” tại {short} mang lại nhiều niềm vui cho các bé.",
            ),
            (
                "Các bé được cô hướng dẫn rửa tay, đeo tạp dề, pha nước cam, trộn salad trái cây và "
                "nặn bánh trôi; trong lúc làm, cô giới thiệu về màu sắc, mùi vị và dinh dưỡng.",
                "Các bé chia nhóm, mỗi nhóm làm một món rồi mời bạn nhóm khác thưởng thức; nhiều bé "
                "tự tin giới thiệu món của mình.",
            ),
            (
                "Hoạt động rèn kỹ năng tự phục vụ cho trẻ chuẩn bị vào lớp 1.",
                "Hình ảnh hoạt động được gửi đến {parents} qua nhóm lớp.",
            ),
        ),
        scene="mam-non",
    ),
    Topic(
        "ky-nang-song-mn",
        EXTRA,
        (MN,),
        ("Dạy trẻ kỹ năng tự bảo vệ", "Bé biết tự bảo vệ mình"),
        (
            (
                "{school} lồng ghép giáo dục kỹ năng tự bảo vệ vào các hoạt động hằng ngày của trẻ.",
                "Các cô {short} dạy bé nhớ tên bố mẹ, số điện thoại và địa chỉ nhà.",
            ),
            (
                "Qua câu chuyện và trò chơi đóng vai, trẻ học cách từ chối khi người lạ cho quà, rủ "
                "đi chơi, biết gọi người lớn khi bị lạc và không tự ý ra khỏi lớp.",
                "Trẻ được tập tình huống khi bị kẹt trong xe, cách bấm còi xe và gọi người giúp đỡ, "
                "rất cần thiết với các bé đi xe đưa đón.",
            ),
            (
                "Nhà trường đề nghị {parents} ôn lại cùng trẻ ở nhà.",
                "Các kỹ năng được nhắc lại mỗi tuần trong giờ sinh hoạt chiều.",
            ),
        ),
        scene="mam-non",
    ),
    Topic(
        "ve-sinh-truong-lop",
        YOUTH,
        ALL,
        ("Ngày chủ nhật xanh tại trường", "Lao động vệ sinh, trồng cây xanh"),
        (
            (
                "Hưởng ứng phong trào “Ngày chủ nhật xanh”, cán bộ, giáo viên {school} cùng {parents} "
                "tổ chức lao động vệ sinh trường lớp.",
                "Sáng chủ nhật, thầy cô và {parents} {short} cùng dọn dẹp, trồng cây, sơn lại "
                "hàng rào.",
            ),
            (
                "Khuôn viên trường được phát quang, cắt tỉa cây; {n2} cây xanh mới được trồng; khu "
                "vui chơi được sơn lại màu sắc tươi tắn.",
                "Các phòng học được lau chùi, sắp xếp lại; rác được phân loại và chuyển đi đúng nơi "
                "quy định.",
            ),
            (
                "Nhà trường cảm ơn {parents} đã dành ngày nghỉ đồng hành cùng nhà trường.",
                "Môi trường xanh – sạch – đẹp là niềm tự hào của thầy trò.",
            ),
        ),
        scene="vuon",
    ),
)

TOPICS = EVENT_TOPICS + EVERYDAY_TOPICS
TOPICS_BY_KEY = {topic.key: topic for topic in TOPICS}

# Short posts the "for show" schools push out in their bursts: a title and a sentence or two,
# under 30 words, no attachment, no image (the audit's ``thin`` flag).
THIN_POSTS = (
    (
        "Sinh hoạt dưới cờ tuần {n1}",
        "Sáng thứ Hai nhà trường tổ chức sinh hoạt dưới cờ. {Pupils} tham gia đầy đủ.",
    ),
    (
        "Họp hội đồng sư phạm tháng {month}",
        "Nhà trường họp hội đồng sư phạm tháng {month}. Triển khai kế hoạch tháng.",
    ),
    ("Hoạt động ngoại khóa", "{Pupils} tham gia hoạt động ngoại khóa. Các em rất vui."),
    ("Kiểm tra vệ sinh lớp học", "Ban giám hiệu kiểm tra vệ sinh các lớp. Các lớp thực hiện tốt."),
    ("Lao động vệ sinh", "Nhà trường tổ chức lao động vệ sinh trường lớp sạch đẹp."),
    ("Sinh hoạt chuyên môn", "Các tổ chuyên môn sinh hoạt định kỳ theo kế hoạch."),
    (
        "Tuyên truyền phòng bệnh",
        "Nhà trường tuyên truyền phòng bệnh cho {pupils}. Đề nghị phụ huynh quan tâm.",
    ),
    ("Dự giờ thăm lớp", "Ban giám hiệu dự giờ các lớp trong tuần."),
    ("Chào mừng ngày lễ", "Nhà trường tổ chức các hoạt động chào mừng ngày lễ lớn."),
    ("Thông tin hoạt động tuần", "Trong tuần nhà trường thực hiện các hoạt động theo kế hoạch."),
)

# Office news (Phòng GD&ĐT); some are re-posted by diligent schools, marked as shared.
OFFICE_NEWS = (
    {
        "key": "phong-trien-khai-nhiem-vu",
        "when": d(2016, 9, 9),
        "title": "Hội nghị triển khai nhiệm vụ năm học 2016-2017",
        "paragraphs": (
            "Ngày 09/09/2016, Phòng Giáo dục và Đào tạo huyện Củ Chi tổ chức hội nghị triển khai "
            "nhiệm vụ năm học 2016-2017 cho hiệu trưởng các trường mầm non, tiểu học và trung học "
            "cơ sở trên địa bàn huyện.",
            "Hội nghị quán triệt Chỉ thị của Bộ trưởng Bộ Giáo dục và Đào tạo về nhiệm vụ chủ yếu "
            "năm học 2016-2017 và hướng dẫn của Sở Giáo dục và Đào tạo Thành phố; trong đó nhấn mạnh "
            "việc đẩy mạnh ứng dụng công nghệ thông tin, xây dựng và vận hành trang thông tin điện "
            "tử của từng trường, thực hiện nghiêm quy chế công khai theo Thông tư 09/2009/TT-BGDĐT.",
            "Các trường được đề nghị hoàn thành kế hoạch năm học, công khai cam kết chất lượng và "
            "các điều kiện đảm bảo chất lượng trên trang thông tin điện tử trước ngày 30/9/2016.",
        ),
        "scene": "hoi-nghi",
    },
    {
        "key": "phong-tap-huan-website",
        "when": d(2016, 10, 27),
        "title": "Tập huấn quản trị trang thông tin điện tử cho các trường",
        "paragraphs": (
            "Thực hiện văn bản số 1503/GDĐT-VP ngày 21/10/2016, Phòng Giáo dục và Đào tạo tổ chức "
            "tập huấn quản trị trang thông tin điện tử cho cán bộ phụ trách website của các trường "
            "mầm non, tiểu học, trung học cơ sở.",
            "Học viên được hướng dẫn cấu trúc bắt buộc của trang thông tin (giới thiệu, tin tức, "
            "thông báo, công khai, văn bản, tuyển sinh, kế hoạch, thực đơn, lịch công tác, biểu "
            "mẫu, liên hệ), quy trình biên tập – duyệt bài, cách đăng văn bản dạng PDF và ảnh có "
            "chú thích.",
            "Phòng lưu ý: tin bài phải được cập nhật thường xuyên, nội dung thật, tránh đăng lại "
            "nguyên văn bài của đơn vị khác; ngày đăng được hệ thống ghi nhận tự động.",
        ),
        "scene": "may-tinh",
    },
    {
        "key": "phong-nhac-tien-do",
        "when": d(2016, 11, 16),
        "title": "Phòng GD&ĐT nhắc nhở tiến độ cập nhật website của các trường",
        "paragraphs": (
            "Ngày 16/11/2016, Phòng Giáo dục và Đào tạo ban hành văn bản số 1636/GDĐT-VP về tiến độ "
            "cập nhật thông tin trên website của các đơn vị trường học.",
            "Qua theo dõi, bên cạnh các đơn vị cập nhật nhiều thông tin và duy trì thường xuyên, còn "
            "nhiều đơn vị không thực hiện hoặc chỉ cập nhật mang tính chiếu lệ. Phòng đề nghị hiệu "
            "trưởng các trường chỉ đạo thực hiện nghiêm túc văn bản 1503/GDĐT-VP và công khai địa "
            "chỉ website của trường đến phụ huynh.",
            "Hạn chót hoàn thiện cấu trúc website theo hướng dẫn là ngày 25/11/2016. Việc thực hiện "
            "sẽ được kiểm tra và đưa vào tiêu chí thi đua của từng đơn vị.",
        ),
        "scene": "may-tinh",
    },
    {
        "key": "phong-20-11",
        "when": d(2016, 11, 18),
        "title": "Họp mặt kỷ niệm 34 năm ngày Nhà giáo Việt Nam",
        "paragraphs": (
            "Sáng 18/11/2016, Phòng Giáo dục và Đào tạo phối hợp Công đoàn ngành Giáo dục huyện tổ "
            "chức họp mặt kỷ niệm 34 năm ngày Nhà giáo Việt Nam.",
            "Tại buổi họp mặt, lãnh đạo huyện đã biểu dương những đóng góp của đội ngũ nhà giáo Củ "
            "Chi và trao tặng giấy khen cho 45 nhà giáo tiêu biểu, 12 tập thể có thành tích xuất "
            "sắc trong phong trào thi đua.",
        ),
        "scene": "nha-giao",
    },
    {
        "key": "phong-hkpd",
        "when": d(2016, 12, 17),
        "title": "Bế mạc Hội khỏe Phù Đổng huyện Củ Chi năm học 2016-2017",
        "paragraphs": (
            "Sau hai tuần tranh tài sôi nổi, Hội khỏe Phù Đổng huyện Củ Chi năm học 2016-2017 đã bế "
            "mạc với sự tham gia của gần 1.500 vận động viên đến từ các trường tiểu học và trung học "
            "cơ sở.",
            "Các môn thi gồm điền kinh, bơi lội, cờ vua, bóng đá, cầu lông, bóng bàn và võ thuật. "
            "Ban tổ chức trao 186 huy chương các loại và chọn vận động viên xuất sắc tham dự Hội "
            "khỏe Phù Đổng Thành phố.",
        ),
        "scene": "the-thao",
    },
    {
        "key": "phong-ke-hoach-kiem-tra",
        "when": d(2017, 3, 1),
        "title": "Kiểm tra công tác cập nhật trang thông tin điện tử các trường",
        "paragraphs": (
            "Thực hiện kế hoạch năm học, từ ngày 13/3 đến 17/3/2017 Phòng Giáo dục và Đào tạo kiểm "
            "tra công tác xây dựng, cập nhật trang thông tin điện tử và thực hiện công khai tại tất "
            "cả các trường.",
            "Nội dung kiểm tra: cấu trúc trang theo văn bản 1503/GDĐT-VP; tần suất và chất lượng "
            "tin bài; việc công khai theo Thông tư 09/2009/TT-BGDĐT; thực đơn, kế hoạch và lịch công "
            "tác hằng tuần. Số liệu được lấy từ nhật ký xuất bản của hệ thống, không căn cứ vào "
            "ngày đăng hiển thị trên bài.",
        ),
        "scene": "may-tinh",
    },
    {
        "key": "phong-tong-ket",
        "when": d(2017, 5, 31),
        "title": "Tổng kết công tác thông tin – truyền thông năm học 2016-2017",
        "paragraphs": (
            "Năm học 2016-2017, toàn huyện có 100% trường mầm non, tiểu học, trung học cơ sở có "
            "trang thông tin điện tử theo cấu trúc thống nhất. Nhiều đơn vị duy trì cập nhật đều "
            "đặn, công khai đầy đủ, đúng hạn.",
            "Bên cạnh đó, một số đơn vị còn cập nhật dồn vào thời điểm kiểm tra, tin bài sơ sài "
            "hoặc sao chép. Phòng sẽ tiếp tục theo dõi và đưa kết quả vào tiêu chí thi đua năm học "
            "2017-2018.",
        ),
        "scene": "tong-ket",
    },
)
