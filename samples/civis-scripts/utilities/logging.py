import logging

from prefect import get_run_logger
from prefect.exceptions import MissingContextError

# Fallback logger for tests and local runs (get_run_logger needs a flow/task context).
logger = logging.getLogger("prefect-development")
logger.setLevel(logging.DEBUG)


def get_logger() -> logging.Logger:
    """Return prefect's run logger, or the fallback outside a run (e.g. under pytest)."""
    try:
        result = get_run_logger()
    except MissingContextError:
        result = logging.getLogger("prefect-development")
    return result
