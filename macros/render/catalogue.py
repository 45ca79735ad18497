"""Home-page catalogue: one card per report, generated from its data alone."""

from __future__ import annotations

from markupsafe import escape

from macros.loading import LoadedCase
from macros.vocabulary import Vocabulary


def methods(case) -> list[str]:
    """Method codes of a report, as the archive's `metode` facet counts them (the plan's activities and the
    sessions held), else the method its practicum kind works with (a community report: CO/CD)."""
    plan, intervention = case.plan, case.intervention
    codes = [a.method for a in plan.activities] if plan else []
    codes += [s.method for s in intervention.sessions if s.method] if intervention else []
    if not codes and case.practicum.method:
        codes = [case.practicum.method]
    return list(dict.fromkeys(codes))


def _method_fact(case, vocabulary: Vocabulary) -> tuple[str, str] | None:
    """"Metode" with the report's methods; a report without one (a laboratory's mapping) shows the assessment
    tools it used instead; neither: no row (never a bare dash on a card)."""
    found = [vocabulary.label("metode", c) for c in methods(case)]
    if found:
        return ("Metode", ", ".join(found))
    tools = case.assessment_tools
    if tools:
        return ("Alat asesmen", ", ".join(vocabulary.label("alat_asesmen", t) for t in tools))
    return None


def _place_word(case) -> str:
    return "Wilayah" if case.report.kind == "laboratorium" else "Komunitas"


def _supervisor_facts(case) -> list[tuple[str, str]]:
    """Pembimbing I and II and the practicum coordinator, as the approval page names them (user test s23, F10:
    Pembimbing II appeared only in the PDF and the Word file)."""
    approval = case.approval
    if approval is None:
        return []
    if approval.second_supervisor is None:
        facts = [("Pembimbing", approval.supervisor.name)]
    else:
        facts = [("Pembimbing I", approval.supervisor.name), ("Pembimbing II", approval.second_supervisor.name)]
    if approval.coordinator is not None:
        facts.append((approval.coordinator.role or "Koordinator praktikum", approval.coordinator.name))
    return facts


def card(loaded: LoadedCase, vocabulary: Vocabulary, href: str, pdf_href: str | None = None, *, attributes: str = "") -> str:
    """A report's card; `attributes` are extra HTML attributes (the archive's facet codes), already escaped."""
    case = loaded.case
    facts = [
        ("Praktikan", case.student.author_names),
        # A group report names its group as its cover does ("Kelompok 14"); one author's practicum group is not news.
        ("Kelompok", case.student.group) if case.student.group_authors and case.student.group else None,
        # A laboratory or community report is told apart by its kind, not by a setting it does not have (its
        # place is a kelurahan; user test s23, F14: "Setting: Komunitas" on a laboratory report).
        ("Praktikum", vocabulary.label("jenis_praktikum", case.report.kind)) if case.report.kind != "institusi" else None,
        ("Institusi" if case.institution else _place_word(case), case.place_name),
        ("Setting", vocabulary.label("setting", case.setting)) if case.institution and case.report.kind != "laboratorium" else None,
        ("Tahun", str(case.report.year)),
        _method_fact(case, vocabulary),
        (case.subject.label, case.subject_code) if case.report.kind != "laboratorium" else None,
        *_supervisor_facts(case),
    ]
    facts = [fact for fact in facts if fact]
    rows = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in facts)
    summary = f'<p class="casebook-ringkasan">{escape(case.report.summary)}</p>' if case.report.summary else ""
    status = '<span class="casebook-status">Draf</span>' if vocabulary.is_draft(case) else ""
    download = (f'<p class="casebook-unduh"><a href="{escape(pdf_href)}" download>Unduh PDF laporan</a></p>'
                if pdf_href else "")
    extra = f" {attributes}" if attributes else ""
    return (f'<article class="casebook-kartu" data-slug="{escape(loaded.slug)}"{extra}>'
            f'<h3><a href="{escape(href)}">{escape(case.report.title)}</a>{status}</h3>'
            f"<dl>{rows}</dl>{summary}{download}</article>")


def catalogue(cases: list[LoadedCase], vocabulary: Vocabulary, href_of, pdf_href_of=lambda slug: None,
              limit: int | None = None) -> str:
    ordered = sorted(cases, key=lambda c: (-c.case.report.year, c.case.report.title.casefold()))[:limit]
    cards = "".join(card(c, vocabulary, href_of(c.slug), pdf_href_of(c.slug)) for c in ordered)
    return f'<div class="casebook-katalog">{cards}</div>'

