"""Countries' names as people write them in the languages documents come in ("Russland",
"Corée du Sud", "Tiongkok"), from the Unicode CLDR: ISO 3166's names, which pycountry
translates, are official ones ("Russische Föderation") that news writing seldom uses.

``store/country_names.json`` holds them, so reading a text needs no CLDR library. Regenerate it
after adding a language to ``store.vocabulary._NAME_LANGUAGES``:

    pip install babel && python -m store.cldr
"""

from __future__ import annotations

import json
from pathlib import Path

PATH = Path(__file__).with_name("country_names.json")


def names() -> dict[str, dict[str, str]]:
    """Each language's name of each country, by the country's ISO 3166 alpha-2 code."""
    return json.loads(PATH.read_text(encoding="utf-8"))


def write() -> None:
    import pycountry
    from babel import Locale

    from store.vocabulary import _NAME_LANGUAGES

    codes = {c.alpha_2 for c in pycountry.countries}
    out = {lang: {code: name for code, name in sorted(Locale.parse(lang).territories.items()) if code in codes}
           for lang in _NAME_LANGUAGES}
    PATH.write_text(json.dumps(out, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write()
    print(f"wrote {PATH}")
