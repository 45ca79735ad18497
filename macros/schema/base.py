"""Base model and field helper shared by every part of a report."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from macros.schema.types import Kode, Teks

__all__ = ["Model", "F", "StrictBool", "Tabel"]


class Model(BaseModel):
    """Frozen, strict about unknown keys; fields are English, YAML keys Indonesian (aliases)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False, str_strip_whitespace=True)


def F(alias: str, description: str, default: Any = ..., **kwargs: Any) -> Any:
    """A field with its Indonesian YAML key and the description editors show while typing."""
    if default is ... and "default_factory" in kwargs:
        return Field(alias=alias, description=description, **kwargs)
    return Field(default, alias=alias, description=description, **kwargs)



class Tabel(Model):
    """A free-form data table (e.g. beneficiary counts) with named columns."""

    title: Teks = F("judul", "Judul tabel, tanpa nomor (nomor dibuat otomatis).")
    columns: list[Teks] = F("kolom", "Nama kolom dari kiri ke kanan.", min_length=1, max_length=12)
    rows: list[Annotated[list[Kode], Field(max_length=12)]] = F("baris", "Isi tabel; setiap baris adalah daftar sel sebanyak kolom.", min_length=1, max_length=200)
    source: Teks | None = F("sumber", "Sumber data tabel.", None)
