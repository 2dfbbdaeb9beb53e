import os
import sys

# Civis ran each script from its own directory; mimic that for the tests.
ROOT = os.path.dirname(__file__)
for sub in ("scripts/update_van_source_codes", "scripts/sync_mobilize_events"):
    sys.path.insert(0, os.path.join(ROOT, sub))
