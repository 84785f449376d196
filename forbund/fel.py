"""The refusal every app raises when it turns input down: one or more Swedish reasons (with
line numbers for imports), kept as a list so a page can show each on its own line."""


class Felrader(ValueError):
    def __init__(self, fel: list[str] | str):
        self.fel = [fel] if isinstance(fel, str) else fel
        super().__init__("; ".join(self.fel))
