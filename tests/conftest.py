"""Shared fixtures: the demo förbund and one logged-in client per persona.

The personas are the roles the brief names: förbundschef, ordförande, ledamot, ersättare,
revisor, insatspersonal, an outsider with an account but no uppdrag, and anonymous.
"""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from forbund.demo import load_demo

PERSONAS = [
    "forbundschef",
    "ordforande",
    "ledamot",
    "ersattare",
    "revisor",
    "insatspersonal",
    "outsider",
    "anonym",
]


@pytest.fixture
def demo(db):
    """The demo förbund, loaded through the same code as `make run`."""
    assert load_demo() is True
    get_user_model().objects.create_user("outsider", password="outsider-losen-123")


def client_for(persona: str) -> Client:
    client = Client()
    if persona != "anonym":
        client.force_login(get_user_model().objects.get(username=persona))
    return client


@pytest.fixture
def as_persona(demo):
    return client_for
