"""requirements.txt must install whole with the pip that ships with Python 3.11 (no pip upgrade)."""

from importlib.metadata import PackageNotFoundError, requires
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]


def pinned() -> dict[str, Requirement]:
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    found = (Requirement(line.split("#", 1)[0]) for line in lines if line.split("#", 1)[0].strip())
    return {canonicalize_name(r.name): r for r in found}


def test_extras_that_pinned_packages_ask_for_are_pinned_themselves():
    """Bundled pip 23.2 does not install an extra named by a dependency (jusText's lxml[html_clean]),
    so what such an extra brings must be listed in requirements.txt."""
    ours = pinned()
    missing, seen, todo = [], set(), list(ours)
    while todo:  # every installed package the pins bring, transitively
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            needs = [Requirement(line) for line in requires(name) or []]
        except PackageNotFoundError:
            continue
        for wanted in needs:
            if wanted.marker and not wanted.marker.evaluate({"extra": ""}):
                continue  # only for an extra of this package, or another Python
            todo.append(canonicalize_name(wanted.name))
            for extra in map(canonicalize_name, wanted.extras):
                for item in [Requirement(line) for line in requires(wanted.name) or []]:
                    brought_by_extra = item.marker and item.marker.evaluate({"extra": extra})
                    only_with_extra = brought_by_extra and not item.marker.evaluate({"extra": ""})
                    if only_with_extra and canonicalize_name(item.name) not in ours:
                        missing.append(f"{name} needs {wanted.name}[{extra}]: pin {item.name}")
    assert not missing, missing
    assert all(str(r.specifier).startswith("==") for r in ours.values()), "every requirement is pinned exactly"
