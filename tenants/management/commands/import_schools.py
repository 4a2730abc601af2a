import time

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tenants.importing import COLUMNS, ImportFileError, import_file


class Command(BaseCommand):
    help = (
        "Nhập danh sách trường từ tệp .csv (UTF-8) hoặc .xlsx và tạo cổng thông tin cho từng "
        "trường. Dòng tiêu đề: " + ",".join(COLUMNS) + ". Cả tệp được kiểm tra trước; có lỗi "
        "thì không tạo gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="đường dẫn tệp .csv hoặc .xlsx")
        parser.add_argument(
            "--progress",
            action="store_true",
            help="hiện thanh tiến độ (mặc định chỉ khi chạy trên terminal)",
        )

    def handle(self, *args, file, progress=False, **options):
        bar = None
        if progress or self.stderr.isatty():
            bar = ProgressBar(self.stderr)
        try:
            result = import_file(file, progress=bar)
        except ImportFileError as error:
            lines = [f"Tệp “{file}” có {len(error.errors)} lỗi, chưa nhập trường nào:"]
            lines += [f"  - {e}" for e in error.errors]
            raise CommandError("\n".join(lines)) from error
        except ValidationError as error:
            # Only reachable if the database changed between validation and provisioning;
            # batches committed before the failing one stay (a re-import completes the file).
            raise CommandError(
                "Không nhập được (các trường đã tạo trước lỗi vẫn giữ; nhập lại cùng tệp để "
                "tiếp tục): " + "; ".join(error.messages)
            ) from error
        finally:
            if bar is not None:
                bar.close()
        for school in result.created:
            self.stdout.write(f"+ {school.code} {school.name}: {school.root_url}/")
        for school in result.updated:
            self.stdout.write(f"~ {school.code} {school.name}")
        self.stdout.write(self.style.SUCCESS(result.summary()))


class ProgressBar:
    """One line on stderr, redrawn after each batch: schools done, share, time left."""

    WIDTH = 30

    def __init__(self, stream):
        self.stream = stream  # the command's OutputWrapper
        self.started = time.monotonic()
        self.drawn = False

    def __call__(self, done, total):
        share = done / total if total else 1.0
        filled = round(self.WIDTH * share)
        elapsed = time.monotonic() - self.started
        left = elapsed / share - elapsed if share else 0
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (self.WIDTH - filled)}] {done}/{total} trường "
            f"({share:.0%}), còn khoảng {left:.0f} giây ",
            ending="",
        )
        self.stream.flush()
        self.drawn = True

    def close(self):
        if self.drawn:
            self.stream.write("")
            self.stream.flush()
