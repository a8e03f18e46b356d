"""The register of outgoing documents: the agency's yearly number series, in documents."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0005_add_search_index'),
        ('documents', '0004_vietnamese_field_labels'),
    ]

    operations = [
        migrations.CreateModel(
            name='NumberSeries',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(verbose_name='năm')),
                ('last_number', models.PositiveIntegerField(default=0, verbose_name='số đã cấp gần nhất')),
                ('agency', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.agency', verbose_name='cơ quan')),
            ],
            options={
                'verbose_name': 'dãy số văn bản',
                'verbose_name_plural': 'dãy số văn bản',
                'constraints': [models.UniqueConstraint(fields=('agency', 'year'), name='document_series_per_agency_year')],
            },
        ),
    ]
