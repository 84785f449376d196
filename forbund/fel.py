"""The one refusal every service raises when input or state does not allow an action: one or
more Swedish reasons (with line numbers for imports), kept as a list so a page can show each
on its own line. Views catch `Fel` and show `exc.fel`; a few subclasses name the cases a view
answers differently (a stale edit, a locked protocol, a used survey link).

A file with a hundred thousand bad rows is refused with the first MAX_FEL reasons and one line
"… och N fler fel.": importers collect their reasons in a `Fellista`, which keeps the first
MAX_FEL and only counts the rest, so neither the server's memory nor the page grows with the
file."""

from __future__ import annotations

MAX_FEL = 100


def begransa(fel: list[str]) -> list[str]:
    """At most MAX_FEL messages, then one saying how many more there are."""
    if len(fel) <= MAX_FEL:
        return list(fel)
    return [*fel[:MAX_FEL], _fler(len(fel) - MAX_FEL)]


def _fler(antal: int) -> str:
    return f"… och {antal:,} fler fel.".replace(",", "\u00a0")


class Fellista(list):
    """The reasons an import refuses a file: the first MAX_FEL kept, the rest counted."""

    def __init__(self, fel=()):
        super().__init__()
        self.fler = 0
        self.extend(fel)

    def append(self, text: str) -> None:
        if len(self) < MAX_FEL:
            super().append(text)
        else:
            self.fler += 1

    def extend(self, texter) -> None:
        for text in texter:
            self.append(text)

    @property
    def antal(self) -> int:
        """Every reason found, the counted ones included."""
        return len(self) + self.fler

    def texter(self) -> list[str]:
        return [*self, _fler(self.fler)] if self.fler else list(self)


class Fel(ValueError):
    def __init__(self, fel: list[str] | str):
        if isinstance(fel, str):
            self.fel = [fel]
        elif isinstance(fel, Fellista):
            self.fel = fel.texter()
        else:
            self.fel = begransa(list(fel))
        super().__init__("; ".join(self.fel))


class Fast(Fel):
    """What is approved, justerat, färdigt or attested stays as it is: not a step taken out
    of order but a record locked for good (the database refuses the change too,
    forbund/sparr.py). Views answer it 409 with the reason (forbund.http.fast_svar)."""


class Konflikt(Fel):
    """Someone else saved the same thing after this edit began; nothing was overwritten.
    `sparad` is what is stored now, for the page to show beside the user's own text."""

    def __init__(self, sparad, meddelande: str):
        super().__init__(meddelande)
        self.sparad = sparad
