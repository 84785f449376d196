"""The project layer of forbund: the modules that compose the apps and so may import every one
of them (the start page, the menu; with forbund/urls.py, the root URLconf). The rest of
forbund is the base layer and imports no app (docs/architecture.md, pyproject.toml)."""
