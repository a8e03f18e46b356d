from danvan.documents.models import OutputTemplate
from danvan.documents.output.docx import DEFAULT_TEMPLATES, current_template, template_bytes
from danvan.documents.output.services import replace_output_template


def test_replace_output_template_makes_the_newest_one_current(agency, office_officer):
    for text in (b"PK first", b"PK second"):
        replace_output_template(agency=agency, kind="plan", data=text, filename="mau.docx", by=office_officer)
    assert current_template(agency, "plan").original_name == "mau.docx"
    assert template_bytes(agency, "plan") == b"PK second"


def test_replace_output_template_keeps_the_earlier_ones(agency, office_officer):
    for text in (b"PK first", b"PK second"):
        replace_output_template(agency=agency, kind="plan", data=text, filename="mau.docx", by=office_officer)
    assert OutputTemplate.objects.filter(agency=agency).count() == 2


def test_another_agency_keeps_the_default(agency, other_agency, office_officer):
    replace_output_template(
        agency=agency, kind="plan", data=b"PK mine", filename="mau.docx", by=office_officer
    )
    assert current_template(other_agency, "plan") is None


def test_a_template_lost_from_storage_falls_back_to_the_default(agency, office_officer):
    record = replace_output_template(
        agency=agency, kind="plan", data=b"PK lost", filename="mau.docx", by=office_officer
    )
    record.file.storage.delete(record.file.name)
    assert template_bytes(agency, "plan") == DEFAULT_TEMPLATES["plan"].read_bytes()
