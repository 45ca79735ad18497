"""What a report deliberately allows to be published although it looks like personal data."""

from __future__ import annotations

from pydantic import field_validator

from macros.schema.base import F, Model
from macros.schema.types import Teks, fail


class IzinTeks(Model):
    text: Teks = F("teks", "Teks persis yang boleh terbit, misalnya nomor telepon kantor lembaga.")
    reason: Teks = F("alasan", "Mengapa teks ini boleh terbit (misalnya: nomor resmi lembaga di situs webnya).")

    @field_validator("reason")
    @classmethod
    def _a_real_reason(cls, value: str) -> str:
        # An exception to the privacy gate must say why, so a supervisor can judge it.
        if len(value.split()) < 3:
            raise fail("alasan terlalu singkat", "tulis mengapa teks ini boleh terbit, misalnya 'nomor resmi kantor lembaga'")
        return value


class Privasi(Model):
    allow: list[IzinTeks] = F("izinkan", "Temuan pemeriksa privasi yang sengaja diizinkan, masing-masing dengan alasan.",
                              default_factory=list, max_length=100)
