"""ingest/texts.py: the normalized hash that tells a story pasted twice."""

import hashlib
import re
import sys
import unicodedata

from ingest.texts import normalized_text_hash

# Every character a regular expression's \s matches (tab, no-break space, ideographic space, line separator, ...).
SPACES = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if re.fullmatch(r"\s", c))


def test_any_run_of_white_space_counts_as_one_space_and_none_at_the_ends():
    text = f"{SPACES}Amman ({SPACES}staff) –  Ｍｉｎｉｓｔｅｒ\u00a0MET{SPACES}"
    folded = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().lower()
    assert normalized_text_hash(text) == hashlib.sha256(folded.encode()).hexdigest()
    assert normalized_text_hash(text) == normalized_text_hash("amman ( staff) – minister met")
