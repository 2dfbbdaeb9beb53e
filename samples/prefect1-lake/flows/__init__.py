"""Lake ingestion flows (Prefect 1). Each module builds one `flow` object at import time."""
