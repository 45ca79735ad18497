"""Archive statistics and tags pages: counts match the reports, layouts never collide, links resolve.

Facts come from the two real reports plus synthetic variations: many reports over many
years, every vocabulary term, long campus-added labels, and hostile text in titles.
"""

from __future__ import annotations

import dataclasses
import posixpath
import random
import re
import time
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from markupsafe import escape

from macros.archive.facets import (NO_OUTCOME, OUTCOME_BANDS, Outcome, ReportFacts, facet_counts, outcome_band,
                                   report_facts)
from macros.archive.statistics import (Bar, layout_bars, layout_heat, outcome_bars, statistics_markdown,
                                       statistics_page)
from macros.archive.tags import TAG_DIR, collect_tags, tag_pages
from macros.loading import load_case
from macros.vocabulary import DEFAULT_VOCABULARY
from tests.helpers import ROOT

SVG = "{http://www.w3.org/2000/svg}"
VOCAB = DEFAULT_VOCABULARY.terms
LONG_TECHNIQUE = ("pendampingan_panjang", "Pendampingan Psikososial Berbasis Keluarga dan Komunitas "
                  "untuk Anak Berhadapan dengan Hukum")
LONG_SETTING = ("lapas", "Lembaga Pemasyarakatan dan Balai Pemasyarakatan Kelas I")


def real_facts() -> list[ReportFacts]:
    return [report_facts(load_case(ROOT / "cases" / slug).loaded, DEFAULT_VOCABULARY)
            for slug in ("ln-hikari-2024", "ajs-kartini-2024")]


def _terms(kind: str) -> list[tuple[str, str]]:
    return list(VOCAB[kind].items())


def synthetic_facts(n: int, seed: int = 7) -> list[ReportFacts]:
    """`n` reports varied from the real ones: years 2015–2025, any techniques, tools, methods, clusters, scores."""
    rng = random.Random(seed)
    bases = real_facts()
    techniques = _terms("teknik") + [LONG_TECHNIQUE]
    settings = _terms("setting") + [LONG_SETTING]
    out = []
    for i in range(n):
        base = bases[i % len(bases)]
        year = rng.randint(2015, 2025)
        scores = rng.choice([Outcome(), Outcome(tas=rng.randint(0, 4)),
                             Outcome(gas=tuple(rng.randint(-2, 2) for _ in range(rng.randint(1, 4)))),
                             Outcome(tas=rng.randint(0, 4), gas=(rng.randint(-2, 2),))])
        supervisor = f"Dosen {i % 7}"
        values = dict(base.values)
        values.update({
            "tahun": ((str(year), str(year)),),
            "institusi": ((f"institusi-{i % 150}", f"Institusi {i % 150}"),),
            "setting": (rng.choice(settings),),
            "klaster": tuple(rng.sample(_terms("klaster"), rng.randint(1, 3))),
            "metode": tuple(rng.sample(_terms("metode"), rng.randint(1, 2))),
            "teknik": tuple(sorted(rng.sample(techniques, rng.randint(1, 8)))),
            "alat": tuple(rng.sample(_terms("alat_asesmen"), rng.randint(1, 6))),
            "capaian": (outcome_band(scores),),
            "capaian_tas": (outcome_band(scores.tas_code),),
            "capaian_gas": (outcome_band(scores.gas_code),),
            "status": (rng.choice([("draf", "Draf"), ("disetujui", "Disetujui")]),),
            "kelengkapan": (rng.choice([("lengkap", "Lengkap"), ("belum_lengkap", "Belum lengkap")]),),
            "pembimbing": ((supervisor.lower().replace(" ", "-"), supervisor),),
            "jenis": (rng.choice(_terms("jenis_praktikum")),),
        })
        out.append(dataclasses.replace(base, slug=f"lap-{i:04d}-{year}", title=f"Laporan {i} {{{{ x }}}} <b>&",
                                       year=year, outcome=scores.sort_value, values=values, scores=scores))
    return out


def all_facts(n: int = 300) -> list[ReportFacts]:
    return real_facts() + synthetic_facts(n)


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.append(dict(attrs)["href"])


def links_of(html: str) -> list[str]:
    parser = Links()
    parser.feed(html)
    return parser.hrefs


def svgs_of(html: str) -> list[ET.Element]:
    return [ET.fromstring(svg) for svg in re.findall(r"<svg.*?</svg>", html, flags=re.S)]


def chart(html: str, css_class: str) -> ET.Element:
    return next(svg for svg in svgs_of(html) if css_class in svg.get("class"))


def bar_counts(svg: ET.Element) -> list[tuple[str, int]]:
    """(label, count) of every bar drawn, from the tooltips: 'Modelling: 12 laporan'."""
    out = []
    for rect in svg.iter(f"{SVG}rect"):
        tip = rect.find(f"{SVG}title")
        if tip is not None:
            label, count = tip.text.rsplit(": ", 1)
            out.append((label, int(count.removesuffix(" laporan").replace(".", ""))))
    return out


# --- statistics ---------------------------------------------------------------------------------

@pytest.mark.parametrize("facts", [real_facts(), all_facts(40), all_facts(300)], ids=["real", "42", "302"])
def test_every_technique_bar_counts_the_reports_using_it_and_bars_are_sorted(facts):
    html = statistics_page(facts, "../")
    drawn = bar_counts(chart(html, "casebook-statistik-teknik"))
    labels = dict(VOCAB["teknik"]) | dict([LONG_TECHNIQUE])
    expected = {label: sum(1 for f in facts if code in f.codes("teknik")) for code, label in labels.items()}
    assert dict(drawn) == {label: n for label, n in expected.items() if n}
    counts = [n for _, n in drawn]
    assert counts == sorted(counts, reverse=True)
    tools = bar_counts(chart(html, "casebook-statistik-alat"))
    assert dict(tools) == {c.label: c.count for c in facet_counts(facts, "alat")}
    assert [n for _, n in tools] == sorted((n for _, n in tools), reverse=True)


def test_year_setting_segments_add_up_to_the_reports_of_each_year():
    facts = all_facts(300)
    drawn = bar_counts(chart(statistics_page(facts, "../"), "casebook-statistik-tahun"))
    per_year: dict[str, int] = {}
    for label, n in drawn:
        year = label.split(" · ")[0]
        per_year[year] = per_year.get(year, 0) + n
    assert per_year == {str(y): sum(1 for f in facts if f.year == y) for y in {f.year for f in facts}}


def test_outcome_bands_cover_every_report_in_band_order():
    facts = all_facts(300)
    bars = outcome_bars(facts, "../")
    assert [b.label for b in bars] == [label for _, label, _ in OUTCOME_BANDS] + [NO_OUTCOME[1]]
    assert sum(b.total for b in bars) == len(facts)
    assert bars[-1].total == sum(1 for f in facts if f.outcome is None)


@pytest.mark.parametrize(("scores", "tas", "gas", "overall"), [
    (Outcome(tas=4), "tercapai", "tanpa_skor", "tercapai"),
    (Outcome(tas=3), "tercapai", "tanpa_skor", "tercapai"),
    (Outcome(tas=3, tas_minimum=4), "sebagian", "tanpa_skor", "sebagian"),   # the report's own threshold
    (Outcome(tas=2), "sebagian", "tanpa_skor", "sebagian"),
    (Outcome(tas=1), "belum", "tanpa_skor", "belum"),
    (Outcome(gas=(1, 0, 1)), "tanpa_skor", "tercapai", "tercapai"),  # every goal met or exceeded
    (Outcome(gas=(0, 0, 0)), "tanpa_skor", "tercapai", "tercapai"),  # T = 50: the expected level
    (Outcome(gas=(-1, 0, 0)), "tanpa_skor", "sebagian", "sebagian"),  # T = 45.4
    (Outcome(gas=(-1, -1, -1)), "tanpa_skor", "belum", "belum"),     # T = 36.3
    (Outcome(gas=(-2,)), "tanpa_skor", "belum", "belum"),
    (Outcome(tas=4, gas=(-1, -1)), "tercapai", "belum", "belum"),    # both: the weaker scale
    (Outcome(), "tanpa_skor", "tanpa_skor", "tanpa_skor"),
])
def test_each_scale_has_its_own_thresholds(scores, tas, gas, overall):
    assert (scores.tas_code, scores.gas_code, scores.code) == (tas, gas, overall)


def test_a_gas_report_meeting_every_goal_is_never_below_a_tas_3_report():
    # Issue 20: +1, 0, +1 was filed "Sedang" below a TAS 3 "Tinggi" on the old shifted band.
    gas, tas = Outcome(gas=(1, 0, 1)), Outcome(tas=3)
    assert gas.code == tas.code == "tercapai" and gas.sort_value >= tas.sort_value
    every = [Outcome(tas=t) for t in range(5)] + [Outcome(gas=(a, b)) for a in range(-2, 3) for b in range(-2, 3)]
    ranks = {code: rank for code, _, rank in OUTCOME_BANDS}
    for x in every:   # the sort value orders by band first, whatever the scale
        for y in every:
            if ranks[x.code] > ranks[y.code]:
                assert x.sort_value > y.sort_value, (x, y)


def test_methods_by_setting_cells_count_reports():
    facts = all_facts(300)
    svg = chart(statistics_page(facts, "../"), "casebook-statistik-metode")
    for tip in (r.find(f"{SVG}title").text for r in svg.iter(f"{SVG}rect")):
        pair, count = tip.rsplit(": ", 1)
        setting, method = pair.split(" · ")
        m = next(c for c, label in VOCAB["metode"].items() if label == method)
        s = next(c for c, label in [*VOCAB["setting"].items(), LONG_SETTING] if label == setting)
        assert int(count.split()[0].replace(".", "")) == sum(1 for f in facts if m in f.codes("metode") and s in f.codes("setting"))


@pytest.mark.parametrize("n", [0, 2, 40, 1000])
def test_charts_parse_as_svg_and_no_labels_collide(n):
    facts = (real_facts() + synthetic_facts(n - 2)) if n >= 2 else []
    html = statistics_page(facts, "../")
    for svg in svgs_of(html):
        assert svg.tag == f"{SVG}svg" and svg.find(f"{SVG}title").text
        assert float(svg.get("width")) >= 400 - 0.01
    if not facts:
        assert "Belum ada laporan" in html and "<svg" not in html
        return
    for key in ("teknik", "alat"):
        counts = facet_counts(facts, key)
        layout = layout_bars([Bar(c.label, None, ((c.label, c.count, None),)) for c in counts])
        assert layout.problems() == []
    settings = facet_counts(facts, "setting")
    years = sorted({f.year for f in facts})
    stacked = [Bar(str(y), None, tuple((s.label, sum(1 for f in facts if f.year == y and s.code in f.codes("setting")), None)
                                       for s in settings)) for y in years]
    layout = layout_bars(stacked, [s.label for s in settings])
    assert layout.problems() == [] and len(layout.legend) == (len(settings) if len(settings) > 1 else 0)
    methods = facet_counts(facts, "metode")
    assert layout_heat([s.label for s in settings], [m.label for m in methods],
                       [[1] * len(methods) for _ in settings]).problems() == []


def test_long_labels_wrap_or_end_in_an_ellipsis_with_the_full_text_as_tooltip():
    very_long = "Teknik Dengan Nama Yang Sangat Panjang Sekali Sehingga Tidak Mungkin Muat Dalam Dua Baris Label Kolom"
    bars = [Bar(very_long, None, ((very_long, 5, None),)), Bar("Pendek", None, (("Pendek", 3, None),)),
            Bar("Supercalifragilisticexpialidociousnessberkelanjutan", None, (("x", 1, None),))]
    layout = layout_bars(bars)
    assert layout.problems() == []
    _, name, cut, _, _ = layout.rows[0]
    assert cut and name.lines[-1].endswith("…") and len(name.lines) == 3
    svg = ET.fromstring(statistics_page_like(bars))
    assert very_long in [t.text for t in svg.iter(f"{SVG}title")]


def statistics_page_like(bars):
    from macros.archive.statistics import bars_svg
    return bars_svg(bars, (), title="uji", description="uji", css_class="uji")


def test_bars_link_to_the_catalogue_filtered_by_their_value():
    facts = all_facts(40)
    html = statistics_page(facts, "../")
    teknik = chart(html, "casebook-statistik-teknik")
    hrefs = [a.get("href") for a in teknik.iter(f"{SVG}a")]
    codes = {c.code for c in facet_counts(facts, "teknik")}
    assert {parse_qs(urlsplit(h).query)["teknik"][0] for h in hrefs} == codes
    assert all(h.startswith("../?") for h in hrefs)
    # the resolved target from arsip/statistik/ is the catalogue at arsip/
    assert posixpath.normpath(posixpath.join("arsip/statistik/", urlsplit(hrefs[0]).path)) == "arsip"
    tahun = chart(html, "casebook-statistik-tahun")
    assert any(parse_qs(urlsplit(a.get("href")).query).keys() == {"tahun", "setting"} for a in tahun.iter(f"{SVG}a"))
    # the tables under the charts carry the same links, reachable by keyboard
    assert all('tabindex="-1"' in a for a in re.findall(r"<a [^>]*>", "".join(re.findall(r"<svg.*?</svg>", html))))
    tables = re.sub(r"<svg.*?</svg>", "", html)
    assert set(hrefs) <= set(links_of(tables))


def test_summary_line_and_determinism():
    facts = all_facts(300)
    html = statistics_page(facts, "../")
    institutions = len({c for f in facts for c in f.codes("institusi")})
    years = sorted({f.year for f in facts})
    assert f"{len(facts)} laporan · tahun {years[0]}–{years[-1]} · {institutions} institusi" in html
    assert statistics_page(list(facts), "../") == html
    assert statistics_page(list(reversed(facts)), "../") == html  # report order does not matter
    assert "2 laporan · tahun 2024 · 2 institusi" in statistics_page(real_facts())
    assert statistics_markdown(facts).startswith('---\ntitle: "Statistik arsip"\nrender_macros: false\n---')


def test_statistics_size_does_not_grow_with_reports_and_renders_fast():
    small = statistics_page(all_facts(300))
    facts = all_facts(998)
    start = time.perf_counter()
    big = statistics_page(facts)
    elapsed = time.perf_counter() - start
    print(f"\nstatistics page for {len(facts)} reports: {elapsed * 1000:.0f} ms, {len(big) / 1024:.0f} KiB")
    # Only the institution view grows, with institutions × years (not with reports): compare the rest.
    assert len(big.split('id="institusi-mitra"')[0]) < 1.2 * len(small.split('id="institusi-mitra"')[0])
    assert elapsed < 2.0
    assert "Laporan 5" not in big  # titles are never charted


# --- tags ---------------------------------------------------------------------------------------

def _tag_page_name(key: str, code: str) -> str:
    return f"{TAG_DIR}/{key}-{code.replace('_', '-')}.md"


def test_a_tag_page_for_every_technique_setting_and_cluster_listing_exactly_its_reports():
    facts = all_facts(120)
    pages = tag_pages(facts)
    for key in ("teknik", "setting", "klaster"):
        for count in facet_counts(facts, key):
            page = pages[_tag_page_name(key, count.code)]
            expected = [f for f in facts if count.code in f.codes(key)]
            hrefs = links_of(page)
            listed = [h for h in hrefs if "/kasus/" in h]
            assert sorted(listed) == sorted(f"../../../kasus/{f.slug}/" for f in expected)
            assert f"<p class=\"casebook-tag-jumlah\">{len(expected)} laporan</p>" in page
    assert len(pages) == 1 + sum(len(facet_counts(facts, k)) for k in ("teknik", "setting", "klaster"))


def test_tag_pages_list_newest_first_and_links_resolve_to_report_pages():
    facts = all_facts(120)
    for tag in collect_tags(facts):
        years = [r.year for r in tag.reports]
        assert years == sorted(years, reverse=True)
    pages = tag_pages(facts)
    page_url = "arsip/tag/teknik-modelling/"
    for href in links_of(pages["arsip/tag/teknik-modelling.md"]):
        target = posixpath.normpath(posixpath.join(page_url, urlsplit(href).path))
        assert target.startswith("kasus/") or target in ("arsip/tag", "arsip")
        if target.startswith("kasus/"):
            assert re.fullmatch(r"kasus/[a-z0-9-]+", target) and href.endswith("/")
    index = pages["arsip/tag/index.md"]
    for href in links_of(index):
        target = posixpath.normpath(posixpath.join("arsip/tag/", href))
        assert f"{target}.md" in pages


def test_tag_index_groups_and_counts():
    facts = real_facts()
    pages = tag_pages(facts)
    index = pages["arsip/tag/index.md"]
    assert index.index(">Teknik</h2>") < index.index(">Setting</h2>") < index.index(">Klaster klien</h2>")
    assert '<a href="teknik-modelling/">Modelling</a> <span class="casebook-jumlah">1</span>' in index
    assert '<a href="teknik-support/">Support</a>' in index
    assert pages["arsip/tag/teknik-modelling.md"].startswith('---\ntitle: "Teknik: Modelling"\nrender_macros: false\n---')
    assert "arsip/tag/setting-industri.md" in pages and "arsip/tag/klaster-pemberdayaan-masyarakat.md" in pages


def test_tag_pages_escape_report_text_and_carry_no_jinja():
    facts = all_facts(20)
    hostile = dataclasses.replace(facts[0], title="<script>alert(1)</script> {% raw %}{{ config }}{% endraw %}")
    pages = tag_pages([hostile, *facts[1:]])
    text = "".join(pages.values())
    assert "<script>" not in text and "{{" not in text and "{%" not in text
    assert "&lt;script&gt;" in text
    assert tag_pages(list(reversed(facts))) == tag_pages(facts)


def test_cards_replace_the_compact_list_when_given():
    facts = real_facts()
    cards = {f.slug: f'<article class="casebook-kartu" data-slug="{f.slug}"></article>' for f in facts}
    page = tag_pages(facts, cards)["arsip/tag/setting-primer.md"]
    assert 'data-slug="ajs-kartini-2024"' in page and 'data-slug="ln-hikari-2024"' not in page


# --- issue 20: breakdowns, supervisor and institution views, phone-readable text ----------------

def _tips(svg: ET.Element) -> dict[str, int]:
    return dict(bar_counts(svg))


@pytest.mark.parametrize(("key", "css_class"), [
    ("setting", "casebook-statistik-capaian-setting"), ("jenis", "casebook-statistik-capaian-jenis"),
    ("tahun", "casebook-statistik-capaian-tahun"), ("metode", "casebook-statistik-capaian-metode"),
    ("pembimbing", "casebook-statistik-capaian-pembimbing")])
def test_outcome_breakdowns_count_each_groups_reports_per_band(key, css_class):
    facts = all_facts(120)
    drawn = _tips(chart(statistics_page(facts, "../"), css_class))
    labels = {code: label for code, label, _ in OUTCOME_BANDS} | {NO_OUTCOME[0]: NO_OUTCOME[1]}
    expected = {}
    for count in facet_counts(facts, key):
        for band, band_label in labels.items():
            n = sum(1 for f in facts if count.code in f.codes(key) and band in f.codes("capaian"))
            if n:
                expected[f"{count.label} · {band_label}"] = n
    assert drawn == expected


def test_supervisor_and_institution_views_count_reports():
    facts = all_facts(120)
    html = statistics_page(facts, "../")
    drawn = _tips(chart(html, "casebook-statistik-pembimbing"))
    for count in facet_counts(facts, "pembimbing"):
        for code, label in (("draf", "Draf"), ("disetujui", "Disetujui")):
            n = sum(1 for f in facts if count.code in f.codes("pembimbing") and code in f.codes("status"))
            assert drawn.get(f"{count.label} · {label}", 0) == n
    institutions = _tips(chart(html, "casebook-statistik-institusi"))
    drawn_institutions = 0
    for count in facet_counts(facts, "institusi"):
        total = sum(n for tip, n in institutions.items() if tip.startswith(count.label + " · "))
        assert total in (0, count.count)
        drawn_institutions += bool(total)
    assert drawn_institutions == min(30, len(facet_counts(facts, "institusi")))
    # The table lists every institution with its reports per year.
    table = html.split('id="institusi-mitra"')[1]
    for count in facet_counts(facts, "institusi"):
        assert f">{escape(count.label)}</a></th>" in table
    for key, css_class in (("klaster", "casebook-statistik-klaster"), ("jenis", "casebook-statistik-jenis"),
                           ("status", "casebook-statistik-status"), ("kelengkapan", "casebook-statistik-kelengkapan")):
        assert _tips(chart(html, css_class)) == {c.label: c.count for c in facet_counts(facts, key)}


@pytest.mark.parametrize("n", [2, 60, 1000])
def test_no_chart_text_is_below_10_px_on_a_390_px_phone(n):
    # Material's column at 390 px is about 358 px wide; a chart is scaled to it (never wider than drawn).
    facts = (real_facts() + synthetic_facts(n - 2))
    for svg in svgs_of(statistics_page(facts, "../")):
        scale = min(1.0, 358 / float(svg.get("width")))
        sizes = [float(t.get("font-size")) for t in svg.iter(f"{SVG}text") if t.get("font-size")]
        assert sizes and min(sizes) * scale >= 10, (svg.get("class"), min(sizes), svg.get("width"))


def test_semester_facet_is_in_time_order():
    from macros.archive.facets import semester_order
    labels = ["Ganjil 2020/2021", "Ganjil 2024/2025", "Genap 2025/2026", "Ganjil 2022/2023", "Genap 2020/2021",
              "Ganjil 2025/2026", "Semester pendek"]
    facts = [dataclasses.replace(real_facts()[0], slug=f"s{i}", values={"semester": ((label.lower().replace(" ", "-"), label),)})
             for i, label in enumerate(labels * 2 + labels[:1])]
    shown = [c.label for c in facet_counts(facts, "semester")]
    assert shown == ["Genap 2025/2026", "Ganjil 2025/2026", "Ganjil 2024/2025", "Ganjil 2022/2023", "Genap 2020/2021",
                     "Ganjil 2020/2021", "Semester pendek"]
    assert semester_order("Ganjil 2024/2025") < semester_order("Genap 2024/2025") < semester_order("Ganjil 2025/2026")


class _Tables(HTMLParser):
    """Every table of a page as rows of cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None and self.tables and self.tables[-1]:
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def test_the_share_achieved_is_taken_over_the_reports_with_a_score():
    """Trial s24: 5 tercapai of 9 scored reports (2 without a score) read as 45,5 %; a coordinator disputes that.
    Every outcome table of the Statistik page gives the share of the scored reports."""
    parser = _Tables()
    parser.feed(statistics_page(all_facts(300), "../"))
    checked = 0
    for table in parser.tables:
        header = table[0]
        if not header or not header[-1].startswith("Persen tercapai"):
            continue
        assert header[-1] == "Persen tercapai (dari yang berskor)"
        column = {name: index for index, name in enumerate(header)}
        for row in table[1:]:
            achieved = int(row[column["Tercapai"]].replace(".", "")) if "Tercapai" in column else 0
            unscored = int(row[column[NO_OUTCOME[1]]].replace(".", "")) if NO_OUTCOME[1] in column else 0
            scored = int(row[column["Jumlah"]].replace(".", "")) - unscored
            shown = row[-1]
            if scored == 0 or "Tercapai" not in column:
                assert shown == "–", row
            else:
                assert float(shown.rstrip(" %").replace(",", ".")) == pytest.approx(100 * achieved / scored, abs=0.051), row
            checked += 1
    assert checked > 20
