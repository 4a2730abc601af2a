import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from portal import scheduler


class Command(BaseCommand):
    help = (
        "Chạy bộ lập lịch: đưa các việc định kỳ (xuất bản theo lịch, cập nhật sổ theo dõi, "
        "nhắc việc hằng tuần, tính sẵn bảng theo dõi, mở năm học, dọn hàng đợi) vào hàng đợi, "
        "mỗi việc đúng một lần mỗi kỳ dù chạy bao nhiêu bộ lập lịch."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=20,
            help="Số giây giữa hai lần kiểm tra (mặc định 20).",
        )
        parser.add_argument(
            "--ticks", type=int, default=0, help="Dừng sau từng này lần kiểm tra (0: chạy mãi)."
        )

    def handle(self, *args, interval, ticks, **options):
        self.running = True
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        done = 0
        while self.running:
            close_old_connections()
            for name in scheduler.tick():
                if options["verbosity"]:
                    self.stdout.write(f"Đã đưa vào hàng đợi: {name}")
            done += 1
            if ticks and done >= ticks:
                break
            # Sleep in short steps so a stop signal ends the loop promptly.
            deadline = time.monotonic() + interval
            while self.running and time.monotonic() < deadline:
                time.sleep(min(0.2, interval))

    def stop(self, signum, frame):
        self.running = False
