"""One rule for every field of `kasus.yml`: it is printed where a reader sees it, or it steers output.

`STEERING` is the short list of fields that are never printed as text, each with the reason. Every
other field reaches the site, the PDF and the Word file; `tests/test_every_field.py` fills each text
field of a maximal report with a unique marker and finds it in all three (or on this list), so a new
field without a place fails that test.

`render_value` turns any field into Markdown without ever printing a Python value: booleans become
words (or nothing, when they steer), `None` and empty lists become nothing, models become labelled
lines and paragraphs, lists become bullets.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from pydantic import BaseModel, WithJsonSchema

# "Model.field" (the English field name) -> why it is not printed as text.
STEERING: dict[str, str] = {
    "Surat.internal": "profil publikasi: surat internal hanya tampil di profil internal",
    "DaftarHadir.internal": "profil publikasi: daftar hadir internal hanya tampil di profil internal",
    "LampiranLain.internal": "profil publikasi: lampiran internal hanya tampil di profil internal",
    "Foto.publication_consent": "izin publikasi: menentukan apakah foto terbit di profil publik",
    "Foto.face_visible": "privasi: foto wajah tanpa izin tidak terbit di profil publik",
    "Foto.minor": "privasi: foto anak tidak terbit di profil publik",
    "Foto.section": "penempatan: subbab tempat foto tampil sebagai Gambar",
    "Foto.file": "berkas: dicetak sebagai gambarnya sendiri",
    "Surat.file": "berkas: pindaian surat, dicetak sebagai gambar di lampirannya",
    "LampiranLain.file": "berkas: gambar lampiran, dicetak di lampirannya",
    "SesiIntervensi.activity": "rujukan: id kegiatan rencana yang dijalankan sesi (pemeriksaan silang)",
    "KegiatanIntervensi.id": "rujukan: id kegiatan yang dirujuk sesi intervensi",
    "SistemEcomap.id": "rujukan: id sistem di dalam data ecomap",
    "AnggotaGenogram.id": "rujukan: id anggota yang dirujuk ayah/ibu/pasangan",
    "AnggotaGenogram.father": "struktur gambar: garis keturunan genogram",
    "AnggotaGenogram.mother": "struktur gambar: garis keturunan genogram",
    "PasanganGenogram.partner_a": "struktur gambar: garis pasangan genogram",
    "PasanganGenogram.partner_b": "struktur gambar: garis pasangan genogram",
    "IzinTeks.text": "pemeriksa privasi: teks yang boleh terbit (teksnya sendiri tercetak di tempat asalnya)",
    "IzinTeks.reason": "pemeriksa privasi: alasan pengecualian, untuk dosen pembimbing di `casebook check`",
    "Laporan.kind": "kosakata: jenis praktikum memilih tahap, templat dan aturan kelengkapan",
    "Laporan.print_profile": "profil cetak: memilih tata letak PDF dan Word laporan ini (sampul, pengesahan, margin)",
    "Laporan.keywords": "pencarian arsip: kata kunci masuk indeks pencarian dan faset katalog, bukan teks laporan",
}

# Printed where a reader sees it, but in one medium only (documented, so the marker test accepts it).
SITE_ONLY: dict[str, str] = {
    "Laporan.summary": "kartu katalog dan halaman ringkasan laporan di situs (bukan bagian laporan cetak)",
}
# Drawn as text inside a figure: in the site and the PDF text; the Word file carries the figure as a picture.
IN_FIGURE: dict[str, str] = {
    "SistemEcomap.name": "nama sistem di gambar ecomap",
    "AnggotaGenogram.label": "label anggota di gambar genogram",
    "LembagaVenn.name": "nama lembaga di gambar diagram Venn (atau nomornya dengan nama di legenda gambar)",
    "PohonMasalah.core": "masalah inti di gambar pohon masalah",
    "PohonMasalah.causes": "penyebab di gambar pohon masalah",
    "PohonMasalah.effects": "akibat di gambar pohon masalah",
}
PRINT_ONLY: dict[str, str] = {  # the cover, approval page and foreword exist in the PDF and Word file only
    "Praktikan.group": "sampul", "Praktikan.programme": "sampul", "Praktikan.campus": "sampul",
    "Laporan.city": "sampul", "Laporan.semester": "sampul",
    "Pejabat.name": "lembar pengesahan", "Pejabat.role": "lembar pengesahan", "Pejabat.staff_number": "lembar pengesahan",
    "Pejabat.lecturer_number": "lembar pengesahan",
    "KataPengantar.body": "kata pengantar", "KataPengantar.place": "kata pengantar",
    "UcapanTerimaKasih.name": "kata pengantar", "UcapanTerimaKasih.role": "kata pengantar",
    "Penulis.student_number": "sampul dan lembar pengesahan (kartu katalog memuat nama penulis saja)",
    "Abstrak.body": "abstrak: bagian awal laporan cetak, setelah lembar pengesahan",
    "Abstrak.keywords": "abstrak: kata kunci di bawah abstrak cetak",
}

# Models whose items are sub-sections of the chapter (their title becomes a numbered heading).
SECTION_MODELS = {"Subbab", "Program", "Surat", "LampiranLain"}
_TITLE_FIELDS = ("title", "name", "dilemma")
_BODY_ALIASES = {"isi", "uraian"}  # the item's own text: printed without a label
LABELS = {  # YAML key -> label, where capitalising the key is not the word a report prints
    "dari": "Dari", "nomor": "Nomor", "tanggal": "Tanggal", "perihal": "Perihal", "solusi": "Solusi",
    "sumber": "Sumber", "jumlah_minggu": "Jumlah minggu", "ketua_kelompok": "Ketua kelompok",
}


def is_steering(model: type[BaseModel] | BaseModel, name: str) -> bool:
    cls = model if isinstance(model, type) else type(model)
    return f"{cls.__name__}.{name}" in STEERING


def label_of(alias: str) -> str:
    return LABELS.get(alias) or alias.replace("_", " ").capitalize()


def _is_prose(info) -> bool:
    """A `Prosa` field, also when optional (`Prosa | None` keeps its marker inside the union, not on the field)."""
    import typing

    def marked(metadata) -> bool:
        return any(isinstance(m, WithJsonSchema) and (m.json_schema or {}).get("x-markdown") for m in metadata)

    if marked(info.metadata):
        return True
    return any(marked(getattr(arg, "__metadata__", ())) for arg in typing.get_args(info.annotation))


def words(value) -> str:
    """A scalar as the words a reader sees: no `True`, `None`, `+0`."""
    from macros.schema.types import format_date

    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, dt.date):
        return format_date(value)
    return str(value)


TableRenderer = Callable[[BaseModel], str]


def render_value(value, *, table: TableRenderer | None = None, heading: int = 3, titled: bool = True) -> str:
    """A field of any shape as Markdown.

    `table` turns a data table (`Tabel`) into a numbered table; `heading` is the level of the headings
    given to sub-section items (Subbab, Program, ...), so they are numbered with the chapter. `titled=False`:
    a model's fields without its title (an appendix whose title is already its numbered heading)."""
    from macros.render.text import bullets, plain, prose

    if value is None or value == [] or value == "":
        return ""
    if isinstance(value, str):
        return prose(value) + "\n"
    if isinstance(value, (bool, int, float, dt.date)):
        return plain(words(value)) + "\n"
    if isinstance(value, (list, tuple)):
        if all(isinstance(v, str) for v in value):
            return bullets(value) + "\n"
        return "\n\n".join(render_value(v, table=table, heading=heading) for v in value)
    if isinstance(value, BaseModel):
        return _render_model(value, table, heading, titled)
    return plain(str(value)) + "\n"


def _render_model(value: BaseModel, table: TableRenderer | None, heading: int, titled: bool = True) -> str:
    from macros.render.text import bullets, field_lines, label, plain, prose

    cls = type(value)
    if cls.__name__ == "Tabel":
        from macros.render.tables import data_table
        return (table(value) if table else f"{label(plain(value.title))}\n\n{data_table(value)}") + "\n"
    fields = cls.model_fields
    title_key = next((k for k in _TITLE_FIELDS if k in fields and isinstance(getattr(value, k), str)), None)
    lines: list[tuple[str, str]] = []
    blocks: list[str] = []
    for name, info in fields.items():
        item = getattr(value, name)
        if name == title_key or is_steering(cls, name) or item is None or item == [] or item == "":
            continue
        alias = info.alias or name
        if isinstance(item, str) and _is_prose(info):
            blocks.append(prose(item) if alias in _BODY_ALIASES else f"{label(label_of(alias) + ':')}\n\n{prose(item)}")
        elif isinstance(item, (str, bool, int, float, dt.date)) or type(item).__name__ == "TimeRange":
            lines.append((label_of(alias), words(item)))
        elif isinstance(item, (list, tuple)) and all(isinstance(v, str) for v in item):
            blocks.append(f"{label(label_of(alias) + ':')}\n\n{bullets(item)}")
        else:
            blocks.append(render_value(item, table=table, heading=heading + 1))
    body = ([field_lines(lines)] if lines else []) + blocks
    if title_key is None or not titled:
        return "\n\n".join(body) + "\n"
    title = getattr(value, title_key)
    if cls.__name__ in SECTION_MODELS and heading <= 4:
        head = f"{'#' * heading} {plain(title)}"
    elif title_key == "dilemma":
        head = prose(title)
    else:
        head = label(plain(title))
    return "\n\n".join([head, *body]) + "\n"
