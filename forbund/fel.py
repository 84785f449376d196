"""The one refusal every service raises when input or state does not allow an action: one or
more Swedish reasons (with line numbers for imports), kept as a list so a page can show each
on its own line. Views catch `Fel` and show `exc.fel`; a few subclasses name the cases a view
answers differently (a stale edit, a locked protocol, a used survey link)."""

from __future__ import annotations


class Fel(ValueError):
    def __init__(self, fel: list[str] | str):
        self.fel = [fel] if isinstance(fel, str) else list(fel)
        super().__init__("; ".join(self.fel))


class Konflikt(Fel):
    """Someone else saved the same thing after this edit began; nothing was overwritten.
    `sparad` is what is stored now, for the page to show beside the user's own text."""

    def __init__(self, sparad, meddelande: str):
        super().__init__(meddelande)
        self.sparad = sparad
