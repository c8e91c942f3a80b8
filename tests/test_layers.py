"""The layering the code promises (README, Layout): ingest sits above the domain, the engine is plain Python."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_the_domain_imports_nothing_from_ingest():
    """Evidence's foreign key to "ingest.Article" (a string, not an import) is the one link."""
    offenders = {
        str(path.relative_to(ROOT)): sorted(m for m in imported_modules(path) if m.split(".")[0] == "ingest")
        for path in (ROOT / "meetings").rglob("*.py")
        if "migrations" not in path.parts
    }
    assert {path: modules for path, modules in offenders.items() if modules} == {}


def test_the_engine_imports_nothing_from_django():
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            m for m in imported_modules(path) if m.split(".")[0] in {"django", "config", "celery"}
        )
        for path in (ROOT / "ingest" / "extraction").rglob("*.py")
    }
    assert {path: modules for path, modules in offenders.items() if modules} == {}
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, ingest.extraction; print('django' in sys.modules)"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert loaded.stdout.strip() == "False"


def test_name_keys_have_one_plain_python_home_that_the_engine_may_import():
    """meetings/names.py is the engine's one reach outside itself, so it imports no Django and nothing above."""
    assert imported_modules(ROOT / "meetings" / "names.py") <= {"__future__", "re", "unicodedata", "functools"}
    outside = {
        m
        for path in (ROOT / "ingest" / "extraction").rglob("*.py")
        for m in imported_modules(path)
        if m.split(".")[0] in {"meetings", "ingest"} and not m.startswith("ingest.extraction")
    }
    assert outside == {"meetings.names"}


def test_the_engines_functions_name_their_arguments():
    """Beyond the thing a function works on and one or two companions, arguments are passed by name
    (`_merge(draft, index=..., date=..., place=..., persons=...)`): a call reads without the definition
    beside it, and swapping two arguments of one type is an error, not a silent wrong result.
    (That every argument is typed is mypy's part: `disallow_untyped_defs` on the engine.)"""
    offenders = []
    for path in (ROOT / "ingest" / "extraction").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                positional = [a.arg for a in node.args.posonlyargs + node.args.args if a.arg not in ("self", "cls")]
                if len(positional) > 3:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}({', '.join(positional)})")
    assert offenders == []
