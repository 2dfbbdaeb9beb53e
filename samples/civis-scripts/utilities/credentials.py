"""Credential lookup that works both in Civis and on a laptop.

Civis turns each credential parameter NAME into NAME_USERNAME / NAME_PASSWORD environment
variables; locally we export the same names from .env (never committed).
"""
import os


class MissingCredential(RuntimeError):
    pass


def password(name: str) -> str:
    key = f"{name}_PASSWORD"
    try:
        return os.environ[key]
    except KeyError:
        raise MissingCredential(f"{key} is not set (Civis credential parameter {name!r})") from None


def username(name: str) -> str:
    return os.environ.get(f"{name}_USERNAME", "")


def redshift_kwargs() -> dict:
    return {
        "username": username("REDSHIFT"),
        "password": password("REDSHIFT"),
        "host": os.environ.get("REDSHIFT_HOST", "redshift.internal.example.org"),
        "db": os.environ.get("REDSHIFT_DB", "dev"),
        "port": int(os.environ.get("REDSHIFT_PORT", "5439")),
    }
