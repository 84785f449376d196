"""The layers contract of `make lint`, exhaustive across the apps (pyproject.toml).

import-linter's layers contract checks the layers it lists and says nothing of a module that
is in none: taking an app's line out of the list, or adding a module to forbund without placing
it in the base or the project layer, would leave that code unchecked. This contract is the
same layers contract, and also broken while any Django app of the repository (a folder with an
apps.py) is not a root package, or any root package, or any module of a root package that is
split across layers (forbund), has no layer.
"""

from __future__ import annotations

from pathlib import Path

from importlinter.application import output
from importlinter.contracts.layers import LayersContract


class AllaLagerContract(LayersContract):
    type_name = "alla_lager"

    def check(self, graph, verbose):
        check = super().check(graph, verbose)
        utan = self._utan_lager(graph)
        check.metadata["utan_lager"] = utan
        if utan:
            check.kept = False
        return check

    def render_broken_contract(self, check) -> None:
        if check.metadata["utan_lager"]:
            output.print("Utan lager (lägg in dem i listan i pyproject.toml):")
            output.new_line()
            for modul in sorted(check.metadata["utan_lager"]):
                output.print_error(f"- {modul}", bold=False)
            output.new_line()
        super().render_broken_contract(check)

    def _utan_lager(self, graph) -> set[str]:
        lager = {tail.name for layer in self.layers for tail in layer.module_tails}
        rotter = set(self.session_options["root_packages"])
        # An app left out of root_packages would not be read at all.
        utan = {app.parent.name for app in Path.cwd().glob("*/apps.py")} - rotter
        for rot in rotter:
            if rot in lager:
                continue
            if not any(namn.startswith(f"{rot}.") for namn in lager):
                utan.add(rot)
                continue
            utan |= {barn for barn in graph.find_children(rot) if barn not in lager}
        return utan
