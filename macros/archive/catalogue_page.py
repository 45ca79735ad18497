"""The archive catalogue (Arsip › Katalog): every report as a card, with facet filters.

Without JavaScript the page is a plain list of cards, newest first, plus links to the
tags pages; `arsip.js` reveals the filter form, filters and sorts the cards in place and
keeps the filters in the URL (`?setting=industri&teknik=modelling&urut=capaian`).
Each card carries its facet codes as data attributes, so the script needs no index.
"""

from __future__ import annotations

from markupsafe import escape

from macros.archive.facets import FACETS, ReportFacts, facet_counts

SORTS = (("tahun", "Tahun terbaru"), ("judul", "Judul (A–Z)"), ("capaian", "Capaian tertinggi"))


def card_attributes(facts: ReportFacts) -> str:
    """data-f-<facet>="code code" plus what sorting needs; codes hold no spaces."""
    attributes = [f'data-f-{facet.key}="{escape(" ".join(facts.codes(facet.key)))}"' for facet in FACETS]
    outcome = "" if facts.outcome is None else f"{facts.outcome:.2f}"
    attributes += [f'data-judul="{escape(facts.title.casefold())}"', f'data-tahun="{facts.year}"',
                   f'data-capaian="{outcome}"']
    return " ".join(attributes)


def _filter_group(facts: list[ReportFacts], key: str, label: str) -> str:
    options = "".join(
        f'<label class="casebook-pilihan"><input type="checkbox" name="{escape(key)}" value="{escape(c.code)}">'
        f' <span class="casebook-pilihan-nama">{escape(c.label)}</span>'
        f' <span class="casebook-jumlah" data-awal="{c.count}">{c.count}</span></label>'
        for c in facet_counts(facts, key))
    if not options:
        return ""
    return (f'<details class="casebook-segi" data-segi="{escape(key)}"><summary>{escape(label)}</summary>'
            f'<div class="casebook-segi-isi">{options}</div></details>')


def filter_form(facts: list[ReportFacts]) -> str:
    groups = "".join(_filter_group(facts, facet.key, facet.label) for facet in FACETS)
    sorts = "".join(f'<option value="{key}">{escape(label)}</option>' for key, label in SORTS)
    return (
        '<form class="casebook-saring" role="search" aria-label="Saring arsip" hidden>'
        '<div class="casebook-saring-atas">'
        '<label class="casebook-cari">Cari dalam arsip '
        '<input type="search" name="q" placeholder="misalnya: modelling anak disabilitas" autocomplete="off"></label>'
        f'<label>Urutkan <select name="urut">{sorts}</select></label>'
        '<button type="reset" class="md-button">Hapus saringan</button></div>'
        f'<div class="casebook-segi-semua">{groups}</div>'
        f'<p class="casebook-hasil-jumlah" aria-live="polite">{len(facts)} laporan</p>'
        "</form>"
    )


def archive_catalogue(facts: list[ReportFacts], cards: dict[str, str], tags_href: str) -> str:
    """`cards` maps slug -> card HTML; cards come newest first, then by title (the no-JS order)."""
    ordered = sorted(facts, key=lambda f: (-f.year, f.title.casefold()))
    listing = "".join(cards[f.slug] for f in ordered)
    browse = (f'<p class="casebook-tanpa-skrip">Jelajahi menurut <a href="{escape(tags_href)}">teknik dan setting</a>, '
              "atau aktifkan JavaScript untuk menyaring menurut tahun, klaster, metode, alat asesmen dan capaian.</p>")
    return (f'<div class="casebook-arsip" data-jumlah="{len(facts)}">{filter_form(facts)}{browse}'
            f'<div class="casebook-katalog">{listing}</div>'
            '<p class="casebook-lagi-wadah"><button type="button" class="md-button casebook-lagi" hidden>'
            "Tampilkan lagi</button></p>"
            '<p class="casebook-kosong" hidden>Tidak ada laporan yang cocok dengan saringan ini.</p></div>')
