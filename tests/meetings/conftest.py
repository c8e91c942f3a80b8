import pytest
from celery import current_app

from meetings import services


@pytest.fixture
def token_uses():
    """The API tokens' uses noted in Redis start and end empty (token ids repeat from one test database to
    the next)."""

    def forget():
        with current_app.connection_for_write() as conn:
            conn.default_channel.client.delete(services._token_use_key())

    forget()
    yield
    forget()


@pytest.fixture
def browse(client, analyst):
    """A client logged in as an analyst."""
    client.force_login(analyst)
    return client
