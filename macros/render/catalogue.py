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


def card(loaded: LoadedCase, vocabulary: Vocabulary, href: str, pdf_href: str | None = None, *, attributes: str = "") -> str:
    """A report's card; `attributes` are extra HTML attributes (the archive's facet codes), already escaped."""
    case = loaded.case
    facts = [
        ("Praktikan", case.student.author_names),
        # A group report names its group as its cover does ("Kelompok 14"); one author's practicum group is not news.
        ("Kelompok", case.student.group) if case.student.group_authors and case.student.group else None,
        ("Institusi" if case.institution else "Komunitas", case.place_name),
        ("Setting", vocabulary.label("setting", case.setting)),
        ("Tahun", str(case.report.year)),
        _method_fact(case, vocabulary),
        (case.subject.label, case.subject_code),
    ]
    facts = [fact for fact in facts if fact]
    rows = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in facts)
    summary = f'<p class="casebook-ringkasan">{escape(case.report.summary)}</p>' if case.report.summary else ""
    status = '<span class="casebook-status">Draf</span>' if case.is_draft else ""
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

