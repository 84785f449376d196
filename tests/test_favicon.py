"""/favicon.ico: browsers ask for it on every site whatever a page links to; it was a 404."""

from django.urls import reverse

from .conftest import client_for


def test_favicon_is_served_and_linked(demo):
    response = client_for("anonym").get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO header
    page = client_for("anonym").get(reverse("login")).content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page
    assert '<link rel="icon" href="/favicon.ico" sizes="48x48">' in page
