from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tenants.models import Level
from tenants.provisioning import SchoolData, provision_school


class Command(BaseCommand):
    help = "Tạo một trường cùng toàn bộ cổng thông tin theo cấu trúc bắt buộc của cấp học."

    def add_arguments(self, parser):
        parser.add_argument("--code", required=True)
        parser.add_argument("--name", required=True)
        parser.add_argument("--level", required=True, choices=Level.values)
        parser.add_argument("--authority", required=True)
        parser.add_argument("--slug", required=True)
        for name in ("address", "phone", "email", "principal"):
            parser.add_argument(f"--{name}", default="")
        parser.add_argument("--serves-meals", action="store_true", help="trường có bán trú")

    def handle(self, *args, **options):
        data = SchoolData(
            **{
                key: options[key]
                for key in (
                    "code",
                    "name",
                    "level",
                    "authority",
                    "slug",
                    "address",
                    "phone",
                    "email",
                    "principal",
                )
            }
        )
        if options["serves_meals"]:
            data.extra["serves_meals"] = True
        try:
            school, created = provision_school(data)
        except ValidationError as error:
            messages = (
                [f"{field}: {'; '.join(errors)}" for field, errors in error.message_dict.items()]
                if hasattr(error, "error_dict")
                else error.messages
            )
            raise CommandError("\n".join(messages)) from error
        verb = "Đã tạo" if created else "Đã cập nhật"
        self.stdout.write(f"{verb} trường {school.code}: {school.name} – {school.root_url}/")
