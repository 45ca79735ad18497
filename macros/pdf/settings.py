"""PDF settings from mkdocs.yml (`extra.casebook.pdf`), with the campus print profiles.

A profile is the campus's formatting rule (paper, margins, font, spacing, logo); the
report's content never changes with it. Choosing another profile is one line of config:

    extra:
      casebook:
        pdf:
          profil: ringkas
          profil_cetak:
            ringkas: {margin: {kiri: 3cm, atas: 2.5cm, kanan: 2.5cm, bawah: 2.5cm}}

Fields a profile leaves out take the built-in campus default (A4, left 4 cm, others
3 cm, Liberation Serif 12 pt, 1.5 line spacing).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import StringConstraints, ValidationError

from macros.errors import CaseDataError, Problem
from macros.loading import Locator, translate_error
from macros.schema.base import F, Model, StrictBool
from macros.yaml_source import YamlSyntaxError, parse_yaml

# "3cm", "25mm", "1in", "12pt": the units campuses write their rules in.
Length = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^\d+(\.\d+)?(cm|mm|in|pt)$")]
PAPER_SIZES = {"A4": "210mm 297mm", "F4": "215mm 330mm", "Letter": "8.5in 11in"}
PAPER_HEIGHT_MM = {"A4": 297.0, "F4": 330.0, "Letter": 279.4}
MM_PER_UNIT = {"mm": 1.0, "cm": 10.0, "in": 25.4, "pt": 25.4 / 72}


def to_mm(length: str) -> float:
    number, unit = re.fullmatch(r"(\d+(?:\.\d+)?)(cm|mm|in|pt)", length).groups()
    return float(number) * MM_PER_UNIT[unit]
VARIANTS = ("pdf/a-3u", "pdf/a-2u", "pdf/a-3b", "pdf/a-2b")


class Margin(Model):
    top: Length = F("atas", "Margin atas, misalnya 3cm.", "3cm")
    right: Length = F("kanan", "Margin kanan.", "3cm")
    bottom: Length = F("bawah", "Margin bawah.", "3cm")
    left: Length = F("kiri", "Margin kiri (sisi jilid).", "4cm")


class FrontMatterLayout(Model):
    """What a campus prints before BAB I; the defaults are the Poltekesos layout."""

    cover_supervisor: StrictBool = F("pembimbing_di_sampul", "Cetak baris 'Pembimbing: …' di sampul.", True)
    approval_page: StrictBool = F("lembar_pengesahan", "Cetak lembar pengesahan. false: kampus tidak memakainya "
                                  "(bukan draf; tanda DRAF hanya bila `pengesahan` diisi tanpa tanggal).", True)
    approval_date: StrictBool = F("tanggal_pengesahan", "Cetak baris 'Telah disetujui pada tanggal …'.", True)
    staff_numbers: StrictBool = F("nomor_pegawai", "Cetak NIP/NIDN di bawah nama penanda tangan.", True)


class PrintProfile(Model):
    """How a campus wants a report printed."""

    paper: Literal["A4", "F4", "Letter"] = F("kertas", "Ukuran kertas: A4, F4 (folio) atau Letter.", "A4")
    margin: Margin = F("margin", "Margin halaman.", default_factory=Margin)
    font: str = F("huruf", "Nama huruf serif yang terpasang (Liberation Serif setara Times New Roman).", "Liberation Serif")
    font_size: Length = F("ukuran_huruf", "Ukuran huruf isi, misalnya 12pt.", "12pt")
    line_spacing: float = F("spasi_baris", "Spasi baris isi menurut Word (1,5 = \"spasi 1,5\" Word untuk huruf ini; "
                            "tabel, keterangan, pustaka tetap 1).", 1.5, ge=1.0, le=3.0)
    single_line: float | None = F("spasi_tunggal", "Tinggi satu baris spasi tunggal sebagai kelipatan ukuran huruf "
                                  "(Word: Times New Roman 1,15). Kosongkan: dihitung dari metrik huruf.", None, ge=0.8, le=2.0)
    figure_data: StrictBool = F("tabel_data_gambar", "Cetak tabel data di bawah setiap diagram (situs selalu memuatnya).", False)
    logo: str | None = F("logo", "Berkas logo kampus untuk sampul, relatif terhadap folder proyek.", None)
    front: FrontMatterLayout = F("halaman_depan", "Halaman depan menurut kampus: sampul, lembar pengesahan.",
                                 default_factory=FrontMatterLayout)

    @property
    def page_size(self) -> str:
        return PAPER_SIZES[self.paper]

    @property
    def text_height_mm(self) -> float:
        """Height of the printable area: the cover spreads its blocks over it."""
        return PAPER_HEIGHT_MM[self.paper] - to_mm(self.margin.top) - to_mm(self.margin.bottom)


DEFAULT_PROFILE = "kampus"


class PdfSettings(Model):
    enabled: StrictBool = F("aktif", "Buat PDF setiap laporan saat situs dibangun.", True)
    profile: str = F("profil", "Nama profil cetak yang dipakai (kunci di `profil_cetak`).", DEFAULT_PROFILE)
    variant: Literal[VARIANTS] | None = F("varian", "Varian arsip PDF/A, misalnya pdf/a-3u; kosongkan untuk PDF biasa.", None)
    tagged: StrictBool = F("bertag", "PDF bertag (struktur untuk pembaca layar).", False)
    toc_depth: int = F("tingkat_daftar_isi", "Tingkat judul di Daftar Isi: 2 (4.1) atau 3 (4.1.1).", 3, ge=1, le=3)
    profiles: dict[str, PrintProfile] = F("profil_cetak", "Profil cetak kampus, per nama.", default_factory=dict)

    @property
    def print_profile(self) -> PrintProfile:
        """The site's profile (`pdf.profil`)."""
        return self.profiles.get(self.profile, PrintProfile())

    def profile_for(self, case) -> PrintProfile:
        """The profile a report picked (`laporan.profil_cetak`, checked against `profil_cetak` when it loaded),
        else the site's: an archive may hold reports of several campuses and years."""
        name = case.report.print_profile
        return self.print_profile if name is None else self.profiles.get(name, PrintProfile())


# Word's single line for a font is winAscent + winDescent + hhea lineGap (Times New Roman /
# Liberation Serif: (1825 + 443 + 87) / 2048 = 1.15 em, i.e. 13.8 pt at 12 pt). Used when the
# font file cannot be read.
WORD_SINGLE_LINE = 1.15

# Scripts and symbols the campus serif lacks: Pango falls back along this list, so emoji
# (Symbola, black and white), Arabic (alef wasla, presentation forms), Javanese and
# Sundanese script print instead of leaving blank gaps (fonts: Makefile OS_PACKAGES).
FALLBACK_FONTS = ('"Liberation Serif"', '"Noto Serif"', '"Noto Naskh Arabic"', '"Noto Sans Javanese"',
                  '"Noto Sans Sundanese"', '"Noto Sans"', '"Symbola"', '"DejaVu Sans"', "serif")


def word_single_line(font: str) -> float:
    """Word's single line spacing for `font`, as a multiple of the font size (from the font's own metrics)."""
    return _word_single_line(font) if font else WORD_SINGLE_LINE


def _font_file(font: str) -> Path | None:
    import shutil
    import subprocess

    if not shutil.which("fc-match"):
        return None
    found = subprocess.run(["fc-match", "-f", "%{file}\t%{family}", font], capture_output=True, text=True).stdout
    path, _, family = found.partition("\t")
    if not path or font.casefold() not in family.casefold():  # fontconfig substituted another family
        return None
    return Path(path)


_SINGLE_LINE_CACHE: dict[str, float] = {}


def _word_single_line(font: str) -> float:
    if font not in _SINGLE_LINE_CACHE:
        value = WORD_SINGLE_LINE
        path = _font_file(font)
        if path is not None:
            try:
                from fontTools.ttLib import TTFont

                with TTFont(str(path), lazy=True, fontNumber=0) as tt:
                    os2, hhea, units = tt["OS/2"], tt["hhea"], tt["head"].unitsPerEm
                    value = (os2.usWinAscent + os2.usWinDescent + max(hhea.lineGap, 0)) / units
            except Exception:  # noqa: BLE001 — an unreadable font keeps Word's Times value
                value = WORD_SINGLE_LINE
        _SINGLE_LINE_CACHE[font] = round(value, 4)
    return _SINGLE_LINE_CACHE[font]


def line_height(profile: PrintProfile) -> float:
    """CSS line-height (multiple of the font size) for the profile's Word spacing: 1.5 x 1.15 = 1.725 for Times."""
    single = profile.single_line or word_single_line(profile.font)
    return round(profile.line_spacing * single, 4)


def profile_css(profile: PrintProfile) -> str:
    """The part of the stylesheet a campus profile decides."""
    m = profile.margin
    font = profile.font.replace('"', "")
    single = profile.single_line or word_single_line(profile.font)
    return (f"@page {{ size: {profile.page_size}; margin: {m.top} {m.right} {m.bottom} {m.left};"
            f' @bottom-center {{ font-family: "{font}", serif; font-size: {profile.font_size}; }}'
            f' @top-center {{ font-family: "{font}", serif; font-size: {profile.font_size}; }} }}\n'
            f'html {{ font-family: "{font}", {", ".join(FALLBACK_FONTS)};'
            f" font-size: {profile.font_size}; line-height: {line_height(profile)}; }}\n"
            f":root {{ --spasi-tunggal: {single}; --spasi-isi: {line_height(profile)}; }}\n"
            f".sampul {{ height: {profile.text_height_mm - 1:.1f}mm; }}\n"
            f":root {{ --tinggi-pindaian: {scan_height_mm(profile):.1f}mm; }}\n")


def scan_height_mm(profile: PrintProfile) -> float:
    """Tallest a scanned letter or appendix picture may print: the text height less what must share its page.

    A scan goes with its appendix heading and the letter's details (print.css keeps them together), and
    the first appendix also carries the "LAMPIRAN" title: two headings (about 6.7 em with their margins
    and the figure's), five lines of details at body spacing, and 5 mm to spare. A taller scan cannot
    fit on the page of its heading, so it would print alone on the next page (user test s23 F12).
    """
    font_mm = to_mm(profile.font_size)
    return profile.text_height_mm - font_mm * (6.7 + 5 * line_height(profile)) - 5


CONFIG_PATH = ("extra", "casebook", "pdf")


def load_pdf_settings(casebook_settings: dict[str, Any], config_file: Path | None) -> PdfSettings:
    """Validated settings; a mistake raises CaseDataError naming mkdocs.yml, line and key."""
    raw = casebook_settings.get("pdf") or {}
    locator = _locator(config_file)
    try:
        settings = PdfSettings.model_validate(raw)
    except ValidationError as exc:
        problems = [translate_error({**e, "loc": CONFIG_PATH + tuple(e["loc"])}, locator) for e in exc.errors(include_url=False)]
        raise CaseDataError(problems) from None
    if settings.profile != DEFAULT_PROFILE and settings.profile not in settings.profiles:
        known = ", ".join([DEFAULT_PROFILE, *settings.profiles])
        raise CaseDataError([locator.problem((*CONFIG_PATH, "profil"), f"profil cetak `{settings.profile}` tidak ada",
                                             f"pilihan: {known}")])
    # Every declared profile may be picked by a report, so each one's logo must exist.
    missing = [locator.problem((*CONFIG_PATH, "profil_cetak", name, "logo"), f"berkas logo `{profile.logo}` tidak ditemukan",
                               "tulis path relatif terhadap folder mkdocs.yml")
               for name, profile in settings.profiles.items()
               if profile.logo and config_file and not (config_file.parent / profile.logo).is_file()]
    if missing:
        raise CaseDataError(missing)
    return settings


def _locator(config_file: Path | None) -> Locator:
    """Line numbers come from our own YAML reader; a mkdocs.yml it cannot read still gets messages (line 1)."""
    document = None
    if config_file and config_file.is_file():
        try:
            document = parse_yaml(config_file.read_text(encoding="utf-8"))
        except YamlSyntaxError:
            document = None  # e.g. `!ENV` tags: MkDocs reads them, our strict reader refuses them
    return Locator(config_file.name if config_file else "mkdocs.yml", document)


__all__ = ["PdfSettings", "PrintProfile", "Margin", "load_pdf_settings", "profile_css", "line_height", "word_single_line",
           "scan_height_mm"]
