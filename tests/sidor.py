"""The pages of the permission matrix a persona may open, for the tests that walk them all
(reflow in the browser, the error pattern of every form). Derived from the matrix, so a page
added there is walked here too."""

from django.urls import reverse

from .test_permission_matrix import FILER, MATRIX, OK

# Not pages of the portal's own: the JSON API, Django's admin (a known gap in the
# tillgänglighetsredogörelse) and logging out (a POST).
UTOM = {"logout"}
FILANDELSER = (".pdf", ".xlsx", ".csv", ".docx")


def sidor(persona: str) -> list[tuple[str, str]]:
    """(URL name, path) of every HTML page `persona` gets a 200 on, in the matrix's data."""
    result = []
    for name, (kwargs, expected) in sorted(MATRIX.items()):
        if expected[persona] != OK or name in FILER | UTOM:
            continue
        if name.startswith(("api:", "admin:")):
            continue
        url = reverse(name, kwargs=kwargs() if kwargs else None)
        if not url.endswith(FILANDELSER):
            result.append((name, url))
    return result
