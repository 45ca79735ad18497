"""Where a Casebook project lives and what its mkdocs.yml configures for Casebook."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from macros.vocabulary import Vocabulary, build_vocabulary

CASES_DIR = "cases"
TEMPLATES_DIR = Path("docs") / "templat"
SCHEMA_FILE = Path("docs") / "skema" / "kasus.schema.json"


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml carries `!!python/name:` and `!ENV` tags; Casebook only needs plain settings."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def find_root(start: Path | None = None) -> Path:
    """The nearest folder upwards holding mkdocs.yml; the start folder if there is none."""
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    return start


@dataclass(frozen=True)
class ProjectConfig:
    root: Path
    vocabulary: Vocabulary

    @property
    def cases_dir(self) -> Path:
        return self.root / CASES_DIR


def casebook_settings(mkdocs_config: dict[str, Any] | None) -> dict[str, Any]:
    extra = (mkdocs_config or {}).get("extra") or {}
    return extra.get("casebook") or {}


def casebook_settings_of(root: Path) -> dict[str, Any]:
    """`extra.casebook` of the project's mkdocs.yml (tags such as !ENV ignored)."""
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        return {}
    return casebook_settings(yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader))


def load_project(root: Path | None = None) -> ProjectConfig:
    root = find_root(root)
    settings = casebook_settings_of(root)
    return ProjectConfig(root, build_vocabulary(settings.get("kosakata")))
