"""``manage.py load_demo``: the Củ Chi demo (office, schools, accounts, and the school year
running today with the one before it)."""

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.management.base import BaseCommand, CommandError

from demo import loader
from demo.media import has_vietnamese_font


class Command(BaseCommand):
    help = (
        "Nạp dữ liệu mẫu: Phòng GD&ĐT huyện Củ Chi, các trường, tài khoản demo và nội dung "
        "năm học đang diễn ra (đến hôm nay) cùng năm học trước. Chạy lại không tạo trùng."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schools",
            type=int,
            default=None,
            help="Chỉ nạp N trường đầu tiên của fixtures/demo/schools.csv (để kiểm thử nhanh).",
        )

    def handle(self, *args, **options):
        limit = options["schools"]
        if limit is not None and limit < 1:
            raise CommandError("--schools phải là số nguyên dương.")
        if not has_vietnamese_font():
            self.stderr.write(
                "Không tìm thấy phông chữ có dấu tiếng Việt (DejaVu, Liberation, Noto); "
                "ảnh và PDF mẫu sẽ dùng phông mặc định."
            )
        try:
            result = loader.load(limit, log=lambda message: self.stdout.write(message))
        except (ImproperlyConfigured, ValidationError) as error:
            raise CommandError(f"Không nạp được dữ liệu mẫu: {error}") from error
        if result.already_loaded:
            self.stdout.write(f"Dữ liệu mẫu đã có sẵn, không nạp lại ({result.seconds:.1f} giây).")
            return
        counts = result.counts
        posts = sum(
            counts.get(name, 0)
            for name in (
                "NewsArticlePage",
                "AnnouncementPage",
                "OfficialDocumentPage",
                "DisclosureItemPage",
                "WeeklyMenuPage",
                "PlanPage",
                "WeeklySchedulePage",
            )
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã nạp dữ liệu mẫu (năm học {', '.join(result.years)}) trong "
                f"{result.seconds:.1f} giây: "
                f"{len(result.schools_created)} trường mới, nội dung của "
                f"{len(result.schools_loaded)} trường"
                + (" và trang của Phòng" if result.office_loaded else "")
                + f"; {posts} bài đăng, {counts.get('images', 0)} ảnh, "
                f"{counts.get('documents', 0)} tệp PDF."
            )
        )
        if options["verbosity"] >= 2:
            for label, seconds in result.timings:
                self.stdout.write(f"  {label}: {seconds:.1f} giây CPU")
        if result.fixed_log_entries:
            self.stderr.write(
                f"Đã chỉnh {result.fixed_log_entries} dòng nhật ký có thời điểm ngoài khoảng thời "
                "gian của dữ liệu mẫu."
            )
