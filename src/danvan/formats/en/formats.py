# The English interface keeps Vietnamese day-first dates: the documents it
# shows are Vietnamese, and 05/03/2026 must mean the same in both languages.
# Only the number separators follow English.
from danvan.formats.vi.formats import *  # noqa: F403

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
