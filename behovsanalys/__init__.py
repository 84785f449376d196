"""Behovsanalys: utanförskap per kommun, kön and year in helårsekvivalenter 20–64 år.

`tolka` reads a delivered file into plain rows and line errors (no database), `analys` computes
rates, totals and trends with pandas as pure functions, `services` stores an import all or
nothing, `selectors` reads what a page shows, `rapport` builds the page and its PDF. The
generated sample (devtools.demo_behovsanalys) is shipped in `data/`.
"""
