import time

from django.core.management.base import BaseCommand

from danvan.core import search
from danvan.core.models import Role
from danvan.demo.province import DEMO_PASSWORD, load_demo_province
from danvan.demo.scale import generate_province


class Command(BaseCommand):
    help = (
        "Nạp tỉnh mẫu Tây Ninh (3 sở, các đơn vị, mỗi vai trò một tài khoản) và in các tài khoản mẫu. "
        "--scale province thêm 40 cơ quan, 400 đơn vị, 4.000 cán bộ và kế hoạch, nhiệm vụ của 5 năm. "
        "Chạy lại không thay đổi gì."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            choices=["small", "province"],
            default="small",
            help="small (mặc định): tỉnh mẫu nhỏ; province: dữ liệu quy mô một tỉnh.",
        )

    def handle(self, *args, scale, **options):
        result = load_demo_province()
        self.stdout.write(f"Tỉnh mẫu Tây Ninh: tạo mới {result.created} bản ghi.")
        if scale == "province":
            self.load_province()
        counts = search.reindex()
        self.stdout.write(f"Chỉ mục tìm kiếm: {sum(counts.values())} mục.")
        self.stdout.write("")
        self.stdout.write(f"Tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD}):")
        for person in result.people:
            label = Role(person.role).label
            self.stdout.write(f"  {person.username:<20} {label} — {person.full_name}, {person.position}")

    def load_province(self):
        self.stdout.write("Dữ liệu quy mô tỉnh:")
        started = time.monotonic()
        scaled = generate_province(report=lambda line: self.stdout.write(line, ending="\n"))
        self.stdout.write(f"  xong sau {time.monotonic() - started:.0f} giây. Hiện có:")
        for name, count in scaled.counts.items():
            self.stdout.write(f"    {name:<20} {count:>8}")
        for username, label in scaled.sample_logins:
            self.stdout.write(f"  {username:<20} {label}")
