"""Where a Casebook project lives and what its mkdocs.yml configures for Casebook."""

from __future__ import annotations

import difflib
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ValidationError, field_validator

from macros.errors import CaseDataError
from macros.schema.base import F, Model
from macros.vocabulary import DEFAULTS as VOCABULARY_DEFAULTS
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

    @property
    def preview_base(self) -> str:
        """`http://127.0.0.1:<dev_addr port><site_url path>`: where `casebook serve` shows the site (check's links)."""
        return preview_base(self.root)


SETTINGS_PATH = ("extra", "casebook")


def _pdf_settings_model() -> type[BaseModel]:
    from macros.pdf.settings import PdfSettings

    return PdfSettings


class ArsipSettings(Model):
    """`extra.casebook.arsip`: how an archive build treats a report it leaves out."""

    failed: Literal["hapus", "pertahankan"] = F(
        "laporan_gagal", "hapus: halaman lama laporan yang gagal validasi atau gerbang privasi dihapus dari situs; "
                         "pertahankan: halaman lamanya tetap terbit (juga di katalog, statistik dan sitemap) sampai laporan diperbaiki.", "hapus")


class TahapKampus(Model):
    """A stage a campus adds, with the default stage it is a kind of (its records go there in BAB IV)."""

    label: str = F("label", "Nama tahap seperti dicetak, misalnya 'Pendekatan Awal'.")
    kind: typing.Literal[tuple(VOCABULARY_DEFAULTS["tahap"])] = F(  # type: ignore[valid-type]
        "jenis", "Tahap bawaan yang sejenis (engagement, intake, ...): menentukan tempat catatannya di BAB IV.")


class CasebookSettings(Model):
    """Everything Casebook reads from `extra.casebook` in mkdocs.yml: a key not declared here is an error
    (with the nearest known key), not a setting silently ignored."""

    vocabulary: dict[str, dict[str, str | TahapKampus]] = F(
        "kosakata", "Istilah kampus yang ditambahkan ke kosakata bawaan, per jenis (misalnya teknik: {problem_solving: "
        "Problem Solving}); tahap kampus dengan jenisnya: tahap: {pendekatan_awal: {label: Pendekatan Awal, jenis: engagement}}.",
        default_factory=dict)
    pdf: dict[str, Any] = F("pdf", "PDF laporan dan profil cetak kampus (rinciannya: macros/pdf/settings.py).",
                            default_factory=dict)
    archive: ArsipSettings = F("arsip", "Build arsip kampus: nasib halaman lama laporan yang ditinggalkan "
                                        "(macros/archive_isolation.py).", default_factory=lambda: ArsipSettings())

    @field_validator("vocabulary", mode="before")
    @classmethod
    def _known_kinds(cls, value: Any) -> Any:
        if isinstance(value, dict):
            for kind in value:
                if kind not in VOCABULARY_DEFAULTS:
                    close = difflib.get_close_matches(str(kind), list(VOCABULARY_DEFAULTS), n=1, cutoff=0.6)
                    hint = f"maksud Anda `{close[0]}`?" if close else f"pilihan: {', '.join(VOCABULARY_DEFAULTS)}"
                    raise ValueError(f"jenis kosakata `{kind}` tidak dikenal; {hint}")
                terms = value[kind]
                if kind != "tahap" and isinstance(terms, dict) and any(isinstance(v, dict) for v in terms.values()):
                    raise ValueError(f"kosakata.{kind}: tulis `kode: label`; hanya tahap yang boleh berisi `label` dan `jenis`")
        return value


def _model_at(root: type[BaseModel], path: tuple) -> type[BaseModel] | None:
    """The model whose keys live at `path` below `root`, through nested models and `dict[str, Model]` values."""
    current: Any = root
    for part in path:
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = next((f for n, f in current.model_fields.items() if (f.alias or n) == part), None)
            if field is None:
                return None
            current = field.annotation
            if current == dict[str, Any] and part == "pdf":
                current = _pdf_settings_model()
        elif typing.get_origin(current) is dict:
            current = typing.get_args(current)[1]
        else:
            return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def unknown_key_hint(path: tuple) -> str:
    """`kosakta` under extra.casebook -> "maksud Anda `kosakata`?"."""
    model = _model_at(CasebookSettings, tuple(path[len(SETTINGS_PATH):]) [:-1])
    if model is None:
        return ""
    keys = [f.alias or n for n, f in model.model_fields.items()]
    close = difflib.get_close_matches(str(path[-1]), keys, n=1, cutoff=0.6)
    return f"maksud Anda `{close[0]}`?" if close else f"kunci yang dikenal: {', '.join(keys)}"


def settings_problems(errors: list[dict], prefix: tuple, config_file: Path | None) -> list:
    """pydantic errors of a settings model -> located Indonesian problems, unknown keys with a suggestion."""
    from macros.loading import translate_error
    from macros.pdf.settings import _locator

    locator = _locator(config_file)
    problems = []
    for error in errors:
        loc = prefix + tuple(error["loc"])
        if error["type"] == "extra_forbidden":
            problems.append(locator.problem(loc, f"kunci `{loc[-1]}` tidak dikenal", unknown_key_hint(loc), key=True))
        else:
            problems.append(translate_error({**error, "loc": loc}, locator))
    return problems


def casebook_settings(mkdocs_config: dict[str, Any] | None, config_file: Path | None = None) -> dict[str, Any]:
    """`extra.casebook`, checked against CasebookSettings (and the PDF part against PdfSettings): a misspelt
    key raises CaseDataError naming mkdocs.yml, its line and the key meant."""
    extra = (mkdocs_config or {}).get("extra") or {}
    settings = extra.get("casebook") or {}
    try:
        CasebookSettings.model_validate(settings)
        _pdf_settings_model().model_validate(settings.get("pdf") or {})
    except ValidationError as exc:
        prefix = SETTINGS_PATH if isinstance(settings, dict) and exc.title == CasebookSettings.__name__ else (*SETTINGS_PATH, "pdf")
        raise CaseDataError(settings_problems(exc.errors(include_url=False), prefix, config_file)) from None
    return settings


def casebook_settings_of(root: Path) -> dict[str, Any]:
    """`extra.casebook` of the project's mkdocs.yml (tags such as !ENV ignored), validated."""
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        return {}
    return casebook_settings(yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader), config_file)


def vocabulary_of(settings: dict[str, Any]) -> Vocabulary:
    """The vocabulary of validated `extra.casebook` settings: campus terms, and the print profiles a report may pick."""
    pdf = settings.get("pdf") or {}
    profiles = pdf.get("profil_cetak") or {}
    profiles = profiles if isinstance(profiles, dict) else {}
    # Campuses without a lembar pengesahan: their reports are not drafts for lacking one (user test s23, F6).
    without = {str(name) for name, profile in profiles.items() if isinstance(profile, dict)
               and isinstance(profile.get("halaman_depan"), dict) and profile["halaman_depan"].get("lembar_pengesahan") is False}
    if str(pdf.get("profil") or "kampus") in without:
        without.add("")
    return build_vocabulary(settings.get("kosakata"), profiles, without)


DEFAULT_DEV_ADDR = "127.0.0.1:8000"  # MkDocs' own default for `dev_addr`


def _mkdocs_yml(root: Path) -> dict[str, Any]:
    config_file = root / "mkdocs.yml"
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def preview_port(root: Path) -> int:
    """The port of mkdocs.yml's `dev_addr` (MkDocs' 8000 when unset or unreadable): `casebook serve` listens there."""
    address = str(_mkdocs_yml(root).get("dev_addr") or DEFAULT_DEV_ADDR)
    port = address.rpartition(":")[2]
    return int(port) if port.isdigit() and 0 < int(port) < 65536 else int(DEFAULT_DEV_ADDR.rpartition(":")[2])


def preview_base(root: Path, host: str = "127.0.0.1") -> str:
    """Where `casebook serve` shows this project's site: its host and mkdocs.yml's port, under the path of `site_url`
    (MkDocs serves a site whose site_url is https://kampus.ac.id/arsip/ at http://127.0.0.1:PORT/arsip/)."""
    from urllib.parse import urlsplit

    path = urlsplit(str(_mkdocs_yml(root).get("site_url") or "/")).path.rstrip("/")
    return f"http://{host}:{preview_port(root)}{path}"


def load_project(root: Path | None = None) -> ProjectConfig:
    root = find_root(root)
    settings = casebook_settings_of(root)
    return ProjectConfig(root, vocabulary_of(settings))
