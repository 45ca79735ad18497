"""Diagrams: layout on generated data of growing size, SVG structure, determinism, and the examples."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import xml.etree.ElementTree as ET

import pikepdf
import pytest

from macros.loading import load_case
from macros.render.diagrams import charts
from macros.render.diagrams.ecomap import ecomap_svg, layout_ecomap
from macros.render.diagrams.genogram import generations, genogram_svg, layout_genogram
from macros.render.diagrams.svg import Box, Label, Layout, Segment, text_width, wrap
from macros.schema.assessment import ButirKekuatan, Genogram, SistemEcomap
from macros.vocabulary import DEFAULT_VOCABULARY
from tests.helpers import ROOT

SVG = "{http://www.w3.org/2000/svg}"
SIZES = [1, 5, 15, 25]
LONG_NAMES = ["Dinas Sosial Kabupaten Bekasi", "Puskesmas Kecamatan Cikarang Selatan", "Kelompok Tani Pasirsari",
              "Orang tua dan keluarga besar", "Sekolah Luar Biasa Negeri Temanggung", "Tetangga", "Suami",
              "Lembaga Kesejahteraan Sosial Anak", "Pemerintah Desa", "Rekan kerja di rumah sakit"]


def case(slug: str):
    return load_case(ROOT / "cases" / slug).loaded.case


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


# --- the toolkit --------------------------------------------------------------------------------

def test_text_is_measured_with_arial_metrics_and_wrapped_to_width():
    assert text_width("M", 10) == pytest.approx(8.33, abs=0.01)       # Arial's M is 1706/2048 em
    assert text_width("iiii", 10) < text_width("MMMM", 10)
    lines = wrap("Puskesmas Kecamatan Cikarang Selatan", 80, 11)
    assert len(lines) > 1 and all(text_width(line, 11) <= 80 for line in lines)
    assert wrap("Pemberdayaanmasyarakatberkelanjutan", 60, 11)[0].endswith("-")  # an over-long word is split


def test_overlap_check_finds_overlaps_and_lines_through_text():
    layout = Layout(200, 100)
    layout.add_label(Label(("Satu",), 50, 10, 11))
    layout.add_label(Label(("Dua",), 55, 12, 11))
    layout.segments.append(Segment(0, 18, 200, 18))
    problems = layout.problems()
    assert any("overlap" in p for p in problems) and any("crosses" in p for p in problems)
    assert Segment(0, 0, 10, 10).crosses(Box(4, 4, 2, 2)) and not Segment(0, 0, 10, 0).crosses(Box(4, 4, 2, 2))


# --- ecomap -------------------------------------------------------------------------------------

def systems(n: int) -> list[SistemEcomap]:
    relations, flows = ["kuat", "lemah", "stres"], ["ke_klien", "dari_klien", "dua_arah", None]
    return [SistemEcomap.model_validate({"id": f"s{i}", "nama": LONG_NAMES[i % len(LONG_NAMES)] + ("" if i < 10 else f" {i}"),
                                         "hubungan": relations[i % 3], **({"arah": flows[i % 4]} if flows[i % 4] else {})})
            for i in range(n)]


@pytest.mark.parametrize("n", SIZES)
def test_ecomap_has_no_overlaps_at_any_size(n):
    layout = layout_ecomap("LN", systems(n))
    assert layout.problems() == []
    assert len(layout.placed) == n


@pytest.mark.parametrize("n", [5, 15])
def test_ecomap_svg_has_a_node_per_system_and_a_line_style_per_relation(n):
    data = systems(n)
    root = parse(ecomap_svg("LN", data, "Ecomap Klien LN"))
    assert root.find(f"{SVG}title").text == "Ecomap Klien LN" and "Klien di tengah" in root.find(f"{SVG}desc").text
    assert len(root.findall(f".//{SVG}g[@class='sistem']")) == n
    drawn = root.findall(f".//{SVG}g[@class='sistem']")
    assert [g.get("data-hubungan") for g in drawn] == [s.relation for s in data]
    counts = {relation: sum(1 for s in data if s.relation == relation) for relation in ("kuat", "lemah", "stres")}
    assert len(root.findall(f"{SVG}line[@class='hubungan-kuat']")) == counts["kuat"]
    assert len(root.findall(f"{SVG}line[@class='hubungan-lemah']")) == counts["lemah"]
    assert len(root.findall(f"{SVG}polyline[@class='hubungan-stres']")) == counts["stres"]
    for line in root.findall(f"{SVG}line[@class='hubungan-lemah']"):
        assert line.get("stroke-dasharray")          # tenuous = dashed: readable in black and white
    for line in root.findall(f"{SVG}line[@class='hubungan-kuat']"):
        assert float(line.get("stroke-width")) >= 3  # strong = thick
    arrows = sum({"ke_klien": 1, "dari_klien": 1, "dua_arah": 2}.get(s.flow, 0) for s in data)
    assert len(root.findall(f"{SVG}polygon[@class='panah']")) == arrows


def test_ecomap_of_ln_matches_its_assessment():
    ln = case("ln-hikari-2024")
    root = parse(ecomap_svg("LN", list(ln.assessment.ecomap.systems), "Ecomap Klien LN"))
    names = [" ".join(t.itertext()) for t in root.findall(f".//{SVG}g[@class='sistem']/{SVG}text")]
    assert names[0] == "Suami" and "CSR PT Jababeka Infrastruktur" in names
    assert layout_ecomap("LN", list(ln.assessment.ecomap.systems)).problems() == []


# --- genogram -----------------------------------------------------------------------------------

def family(n: int) -> Genogram:
    """n members over three or more generations: couples with children, a divorce, a separation, a death."""
    members, couples = [], []
    members.append({"id": "kakek", "label": "Kakek dari pihak ayah", "jenis_kelamin": "laki-laki", "meninggal": True, "usia": 70})
    members.append({"id": "nenek", "label": "Nenek dari pihak ayah", "jenis_kelamin": "perempuan", "usia": 68})
    couples.append({"a": "kakek", "b": "nenek", "status": "cerai"})
    i = 0
    while len(members) < n:
        i += 1
        parent_couple = couples[(i - 1) % len(couples)]
        child = {"id": f"anak{i}", "label": f"Anak ke-{i} keluarga besar", "jenis_kelamin": "laki-laki" if i % 2 else "perempuan",
                 "usia": max(1, 60 - i * 2), "ayah": parent_couple["a"] if "laki" in _sex(members, parent_couple["a"]) else None,
                 "ibu": parent_couple["b"]}
        members.append({k: v for k, v in child.items() if v is not None})
        if len(members) < n and i % 2 == 1:
            partner = {"id": f"pasangan{i}", "label": f"Pasangan anak ke-{i}", "jenis_kelamin": "perempuan", "usia": 40,
                       "serumah": i == 1}
            members.append(partner)
            couples.append({"a": f"anak{i}", "b": f"pasangan{i}", "status": "pisah" if i == 3 else "menikah"})
    members[-1]["indeks"] = True
    return Genogram.model_validate({"anggota": members[:n], "pasangan": [c for c in couples if
                                                                        {c["a"], c["b"]} <= {m["id"] for m in members[:n]}]})


def _sex(members, mid):
    return next(m["jenis_kelamin"] for m in members if m["id"] == mid)


@pytest.mark.parametrize("n", SIZES)
def test_genogram_has_no_overlaps_at_any_size(n):
    layout = layout_genogram(family(n))
    assert layout.problems() == []
    assert len(layout.people) == n


def test_genogram_generated_family_spans_three_generations_and_draws_every_symbol():
    genogram = family(25)
    assert max(generations(genogram).values()) >= 2
    root = parse(genogram_svg(genogram, "Genogram"))
    people = root.findall(f"{SVG}g")
    men = [g for g in people if "laki-laki" in g.get("class", "")]
    women = [g for g in people if "perempuan" in g.get("class", "")]
    assert len(men) == sum(m.sex == "laki-laki" for m in genogram.members)
    assert len(women) == sum(m.sex == "perempuan" for m in genogram.members)
    assert all(g.find(f"{SVG}rect") is not None for g in men) and all(g.find(f"{SVG}circle") is not None for g in women)
    assert len([g for g in people if "meninggal" in g.get("class", "")]) == sum(m.deceased for m in genogram.members)
    index = [g for g in people if "indeks" in g.get("class", "")]
    assert len(index) == 1 and len(list(index[0])) >= 2            # the index person has a double outline
    assert len(root.findall(f"{SVG}line[@class='tanda-cerai']")) == 2   # divorce: two slashes
    assert len(root.findall(f"{SVG}line[@class='tanda-pisah']")) == 1   # separation: one slash
    assert root.find(f"{SVG}rect[@class='serumah']") is not None


def test_children_stand_under_their_parents_oldest_on_the_left():
    genogram = Genogram.model_validate({"anggota": [
        {"id": "ayah", "label": "Ayah", "jenis_kelamin": "laki-laki"},
        {"id": "ibu", "label": "Ibu", "jenis_kelamin": "perempuan"},
        {"id": "bungsu", "label": "Bungsu", "jenis_kelamin": "perempuan", "usia": 9, "ayah": "ayah", "ibu": "ibu"},
        {"id": "sulung", "label": "Sulung", "jenis_kelamin": "laki-laki", "usia": 17, "ayah": "ayah", "ibu": "ibu"},
    ], "pasangan": [{"a": "ayah", "b": "ibu"}]})
    people = layout_genogram(genogram).people
    assert people["sulung"].x < people["bungsu"].x
    assert people["sulung"].y > people["ayah"].y == people["ibu"].y


def test_genogram_of_ajs_has_three_generations_and_the_client_as_index():
    genogram = case("ajs-kartini-2024").assessment.genogram
    level = generations(genogram)
    assert level["kakek"] == 0 and level["ayah"] == 1 and level["ajs"] == 2
    layout = layout_genogram(genogram)
    assert layout.problems() == []
    root = parse(genogram_svg(genogram, "Genogram Klien AJS"))
    index = root.find(f"{SVG}g[@data-id='ajs']")
    assert "indeks" in index.get("class") and "15" in "".join(root.itertext())


# --- quadrant, timeline, outcome ----------------------------------------------------------------

@pytest.mark.parametrize("n", SIZES)
def test_quadrant_places_every_item_in_its_cell_without_overlaps(n):
    items = [ButirKekuatan.model_validate({"uraian": f"{LONG_NAMES[i % 10]} sebagai butir ke-{i}",
                                           "ranah": ("personal", "lingkungan")[i % 2],
                                           "sifat": ("kelebihan", "kekurangan")[(i // 2) % 2]}) for i in range(n)]
    layout = charts.layout_quadrant(items)
    assert layout.problems() == []
    for item in items:
        cell = next(box for kind, domain, box in layout.cells if kind == item.kind and domain == item.domain)
        label = next(lb for lb in layout.labels if " ".join(lb.lines) == item.text)
        assert cell.contains(label.box)


@pytest.mark.parametrize("slug", ["ln-hikari-2024", "ajs-kartini-2024"])
def test_timeline_shows_every_dated_step_in_its_lane(slug):
    report = case(slug)
    events = charts.timeline_events(report, lambda s: DEFAULT_VOCABULARY.label("tahap", s))
    layout = charts.layout_timeline(report, events)
    assert layout.problems() == []
    root = parse(charts.timeline_svg(report, events, "Linimasa"))
    marks = root.findall(f"{SVG}circle[@class='tanda']") + root.findall(f"{SVG}rect[@class='rentang']")
    assert len(marks) == len(events)
    sessions = len(report.intervention.sessions)
    assert sum(1 for e in events if e.lane == "Intervensi") == sessions
    # Marks run left to right in date order: the axis is the practicum period.
    xs = {e.start: charts.x_of(layout, e.start) for e in events}
    days = sorted(xs)
    assert [xs[d] for d in days] == sorted(xs.values())
    assert layout.first <= report.report.period.start and layout.last >= report.report.period.end


def test_outcome_chart_draws_a_bar_per_task_and_the_success_line():
    ajs = case("ajs-kartini-2024")
    root = parse(charts.outcome_svg(ajs, "Capaian"))
    bars = root.findall(f"{SVG}rect[@class='batang']")
    assert len(bars) == len(ajs.evaluation.tas.tasks)
    widths = [float(b.get("width")) for b in bars]
    scores = [t.score for t in ajs.evaluation.tas.tasks]
    assert [w for _, w in sorted(zip(scores, widths))] == sorted(widths)  # longer bar, higher score
    assert root.find(f"{SVG}line[@class='target']") is not None
    rows = [(t.task, t.score) for t in ajs.evaluation.tas.tasks]
    from macros.schema.evaluation import TAS_LABELS
    assert charts.layout_outcome(rows, 0, 4, TAS_LABELS).problems() == []


# --- determinism and accessibility --------------------------------------------------------------

def test_same_data_gives_the_same_bytes():
    ln, ajs = case("ln-hikari-2024"), case("ajs-kartini-2024")
    draw = [lambda: ecomap_svg("LN", list(ln.assessment.ecomap.systems), "E"),
            lambda: genogram_svg(ajs.assessment.genogram, "G"),
            lambda: charts.quadrant_svg(list(ajs.assessment.strengths), "K"),
            lambda: charts.outcome_svg(ajs, "C")]
    for make in draw:
        assert make() == make()
    script = ("from macros.loading import load_case; from macros.render.diagrams.ecomap import ecomap_svg;"
              "c = load_case(__import__('pathlib').Path('cases/ln-hikari-2024')).loaded.case;"
              "print(ecomap_svg('LN', list(c.assessment.ecomap.systems), 'E'), end='')")
    other_process = subprocess.run([__import__("sys").executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert other_process.stdout == draw[0]()


# --- on the site and in the PDF ------------------------------------------------------------------

from tests.test_pdf import site  # noqa: E402,F401 — the examples built once with a fresh PDF cache


@pytest.mark.slow
def test_examples_show_their_diagrams_with_title_desc_and_a_folded_data_table(site):
    """The examples print the figures their seeds have (LN ecomap, AJS quadrant; neither seed a timeline,
    issue 14) and every diagram their data carries (AJS's genogram, after the seed's figures); the community
    example carries the Venn, problem tree, GAS chart and timeline."""
    pages = {slug: (site / f"kasus/{slug}/bab-4-penanganan-kasus/index.html").read_text(encoding="utf-8")
             for slug in ("ln-hikari-2024", "ajs-kartini-2024", "kbl-cikadu-2024")}
    for slug, kinds in (("ln-hikari-2024", ["casebook-ecomap"]), ("ajs-kartini-2024", ["casebook-kuadran-gambar", "casebook-genogram"]),
                        ("kbl-cikadu-2024", ["casebook-venn", "casebook-pohon-masalah", "casebook-capaian",
                                             "casebook-linimasa"])):
        html = pages[slug]
        for kind in kinds:
            svg = re.search(rf'<svg [^>]*class="casebook-diagram {kind}(?: [^"]*)?".*?</svg>', html, re.S).group(0)
            assert "<title" in svg and "<desc>" in svg
        assert html.count('<details class="casebook-data-gambar">') == len(kinds), slug
    assert "Gambar 4.3 Ecomap Klien LN" in pages["ln-hikari-2024"]


@pytest.mark.slow
def test_diagrams_are_vector_paths_in_the_pdf_and_look_right(site):
    from tests.test_pdf import ARTIFACTS, page_texts

    ARTIFACTS.mkdir(exist_ok=True)
    for slug, caption, name in (("ln-hikari-2024", "Gambar 4.3 Ecomap Klien LN", "diagram-ecomap"),
                                ("kbl-cikadu-2024", "Gambar 4.7 Linimasa Praktikum Komunitas", "diagram-linimasa")):
        pdf = site / "kasus" / slug / f"{slug}.pdf"
        texts = page_texts(pdf)
        index = next(i for i, t in enumerate(texts) if caption in t and "DAFTAR GAMBAR" not in t and ". . ." not in t)
        with pikepdf.open(pdf) as document:
            page = document.pages[index]
            streams = [page.Contents.read_bytes()] if not isinstance(page.Contents, pikepdf.Array) else \
                [c.read_bytes() for c in page.Contents]
            for xobject in (page.Resources.get("/XObject") or {}).values():
                assert xobject.get("/Subtype") != "/Image" or slug == "ln-hikari-2024" and name != "diagram-ecomap"
                streams.append(xobject.read_bytes())
            operators = b"".join(streams)
        assert len(re.findall(rb"\s[lc]\n", operators)) > 20, f"{caption}: no vector paths"
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-singlefile", "-f", str(index + 1), "-l", str(index + 1),
                        str(pdf), str(ARTIFACTS / name)], check=True)
