from django import forms

from danvan.documents.models import LegalDocument


class LegalDocumentForm(forms.ModelForm):
    class Meta:
        model = LegalDocument
        fields = ["doc_type", "number", "name", "date", "issuer", "title"]
        widgets = {"title": forms.Textarea(attrs={"rows": 3})}
