"""Run the test provider by hand: OIDC_PROVIDER_DB=/tmp/p.sqlite3
OIDC_PROVIDER_KEY_FILE=key.pem python tests/oidc_provider/manage.py runserver"""

import os
import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.oidc_provider.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
