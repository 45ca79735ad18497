"""The client's identity, as far as a published report may show it."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from macros.schema.base import F, Model
from macros.schema.types import Klaster, KodeSamaran, Teks, fail


class Klien(Model):
    """Client identity by pseudonym code; never a name, birth date or street address."""

    code: KodeSamaran = F("kode", "Kode samaran klien, huruf kapital (misalnya LN, AJS). Bukan nama asli.")
    sex: Literal["laki-laki", "perempuan"] = F("jenis_kelamin", "laki-laki atau perempuan.")
    age: int | None = F("usia", "Usia dalam tahun (bukan tanggal lahir).", None, ge=0, le=120)
    age_band: Teks | None = F("kelompok_usia", "Kelompok usia bila usia tepat tidak ditampilkan, misalnya '30–39 tahun'.", None)
    religion: Teks | None = F("agama", "Agama.", None)
    education: Teks | None = F("pendidikan", "Pendidikan terakhir.", None)
    ethnicity: Teks | None = F("suku", "Suku bangsa.", None)
    marital_status: Teks | None = F("status_perkawinan", "Status perkawinan.", None)
    occupation: Teks | None = F("pekerjaan", "Pekerjaan atau peran sehari-hari.", None)
    domicile: Teks | None = F("domisili", "Wilayah tempat tinggal setingkat desa/kecamatan (tanpa RT/RW, jalan, nomor).", None)
    clusters: list[Klaster] = F("klaster", "Klaster klien, misalnya anak, disabilitas_intelektual.", min_length=1, max_length=20)
    disability: Teks | None = F("disabilitas", "Ragam disabilitas, bila ada.", None)
    role: Teks | None = F("peran", "Peran klien dalam kelompok/lembaga, misalnya 'Anggota kelompok tani hidroponik'.", None)

    @model_validator(mode="after")
    def _age_given_once(self) -> "Klien":
        if self.age is None and self.age_band is None:
            raise fail("isi `usia` atau `kelompok_usia`", "usia ditulis dalam tahun, bukan tanggal lahir")
        if self.age is not None and self.age_band is not None:
            raise fail("isi salah satu saja: `usia` atau `kelompok_usia`")
        return self

    @property
    def is_minor(self) -> bool:
        return ("anak" in self.clusters) or (self.age is not None and self.age < 18)
