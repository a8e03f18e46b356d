from django.core.management.base import BaseCommand

from danvan.core import search


class Command(BaseCommand):
    help = "Dựng lại chỉ mục tìm kiếm từ kế hoạch, nhiệm vụ, báo cáo, văn bản, đối thoại và đơn thư."

    def handle(self, *args, **options):
        counts = search.reindex()
        total = sum(counts.values())
        details = ", ".join(f"{kind} {count}" for kind, count in counts.items())
        self.stdout.write(f"Đã dựng lại chỉ mục tìm kiếm: {total} mục ({details}).")
