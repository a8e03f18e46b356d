from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import WorkDateField
from danvan.documents.models import LegalDocument, ValidityStatus


class LegalDocumentForm(forms.ModelForm):
    class Meta:
        model = LegalDocument
        fields = ["doc_type", "number", "name", "date", "issuer", "title"]
        widgets = {"title": forms.Textarea(attrs={"rows": 3})}


class ReplacementChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj} ({obj.date:%d/%m/%Y})" if obj.date else str(obj)


class ValidityForm(forms.Form):
    status = forms.ChoiceField(label=_("Tình trạng hiệu lực"), choices=ValidityStatus.choices)
    since = WorkDateField(
        label=_("Từ ngày"),
        required=False,
        help_text=_("Ngày văn bản thay thế có hiệu lực, hoặc ngày hết hiệu lực."),
    )
    replaced_by = ReplacementChoice(
        label=_("Văn bản thay thế"), queryset=LegalDocument.objects.none(), required=False
    )
    source = forms.CharField(label=_("Nguồn xác định"), max_length=500, required=False)

    def __init__(self, *args, document: LegalDocument, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "status": document.validity_status,
                "since": document.validity_from,
                "replaced_by": list(document.replaced_by.all()),
                "source": document.validity_source,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["replaced_by"].queryset = LegalDocument.objects.exclude(pk=document.pk)
        self.fields["replaced_by"].widget.attrs["size"] = 8
