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

    def handle(self, *args, file, **options):
        try:
            result = import_file(file)
        except ImportFileError as error:
            lines = [f"Tệp “{file}” có {len(error.errors)} lỗi, chưa nhập trường nào:"]
            lines += [f"  - {e}" for e in error.errors]
            raise CommandError("\n".join(lines)) from error
        except ValidationError as error:
            # Only reachable if the database changed between validation and provisioning.
            raise CommandError(
                "Không nhập được, chưa trường nào được tạo: " + "; ".join(error.messages)
            ) from error
        for school in result.created:
            self.stdout.write(f"+ {school.code} {school.name}: {school.root_url}/")
        for school in result.updated:
            self.stdout.write(f"~ {school.code} {school.name}")
        self.stdout.write(self.style.SUCCESS(result.summary()))
