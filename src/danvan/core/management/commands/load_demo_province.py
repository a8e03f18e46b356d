from django.core.management.base import BaseCommand

from danvan.core.demo import DEMO_PASSWORD, load_demo_province
from danvan.core.models import Role


class Command(BaseCommand):
    help = (
        "Nạp tỉnh mẫu Tây Ninh (3 sở, các đơn vị, mỗi vai trò một tài khoản) và in các tài khoản mẫu. "
        "Chạy lại không thay đổi gì."
    )

    def handle(self, *args, **options):
        result = load_demo_province()
        self.stdout.write(f"Tỉnh mẫu Tây Ninh: tạo mới {result.created} bản ghi.")
        self.stdout.write("")
        self.stdout.write(f"Tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD}):")
        for person in result.people:
            label = Role(person.role).label
            self.stdout.write(f"  {person.username:<20} {label} — {person.full_name}, {person.position}")
