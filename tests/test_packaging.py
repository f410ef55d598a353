"""Every spaCy function the library registers is also an entry point, so a packaged model
finds it by name (`spacy.load("en_vacancy_ie")`) without `import vacancy_ie` first."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).parent.parent
_REGISTERED = re.compile(r'@registry\.(\w+)\(\s*"([^"]+)"')
_FACTORY = re.compile(r'@Language\.factory\(\s*"([^"]+)"')


def _registered_in_source() -> set[tuple[str, str]]:
    names = set()
    for path in (ROOT / "src" / "vacancy_ie").rglob("*.py"):
        text = path.read_text()
        names |= {(f"spacy_{registry}", name) for registry, name in _REGISTERED.findall(text)}
        names |= {("spacy_factories", name) for name in _FACTORY.findall(text)}
    return names


def test_packaging_every_registered_name_is_an_entry_point():
    groups = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["entry-points"]
    declared = {(group, name) for group, entries in groups.items() for name in entries}
    registered = _registered_in_source()
    assert registered, "no registrations found: the scan is broken"
    assert registered - declared == set()
