"""The demo park `make run` loads: a small park that looks lived in, generated through the services from a
fixed seed (so it obeys every rule and is the same on every machine). Idempotent."""

from redchain.services.demo.cast import CHAIN_STAFF_EMAIL, CONTACT_EMAIL, DEMO_LOGINS, DEMO_PARK_CODE, DEMO_PASSWORD
from redchain.services.demo.loader import create_platform_admin, load_demo_data

__all__ = [
    "CHAIN_STAFF_EMAIL",
    "CONTACT_EMAIL",
    "DEMO_LOGINS",
    "DEMO_PARK_CODE",
    "DEMO_PASSWORD",
    "create_platform_admin",
    "load_demo_data",
]
