"""The report's versions and the province's periods page instead of being cut."""

from django.urls import reverse

from danvan.reports.models import ReportVersion


def test_a_report_shows_every_version_a_page_at_a_time(client, lead_report, unit_head):
    ReportVersion.objects.bulk_create(
        [
            ReportVersion(report=lead_report, number=n, event="saved", sections={}, created_by=unit_head)
            for n in range(1, 56)
        ]
    )
    client.force_login(unit_head)
    url = reverse("reports:report_detail", args=[lead_report.pk])
    first = client.get(url)
    assert "Có 55 mục" in first.content.decode()
    assert [v.number for v in first.context["versions"].object_list][:2] == [55, 54]
    last = client.get(url, {"trang_phien_ban": "2"})
    assert [v.number for v in last.context["versions"].object_list] == [5, 4, 3, 2, 1]
