"""Issue 17: a chapter page is untrusted. Known Jinja escape and disclosure payloads are refused with a
located Indonesian message by `casebook check` and `casebook build`, and leave no trace: the marker
file a payload tries to write stays absent, and no secret (another report's rahasia.yml, a server
file) reaches the output.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from macros.page_check import MacroHost, page_environment
from macros.sandbox import PageEnvironment
from tests.helpers import FIXTURE, ROOT, run_cli

SLUG = "ts-contoh-2024"
PAGE = "bab-4-penanganan-kasus.md"
REPORT_SECRET = "RAHASIA-LAIN-7Q4Z"
SERVER_SECRET = "SERVER-RAHASIA-9K2W"

# {marker}: a file the payload tries to create; {secret}: a server file; {other}: another report's rahasia.yml.
PAYLOADS = {
    "cycler-globals-os": "{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}",
    "joiner-globals-os": "{{ joiner.__init__.__globals__.os.popen('touch {marker}').read() }}",
    "namespace-globals-os": "{{ namespace.__init__.__globals__.os.popen('touch {marker}').read() }}",
    "lipsum-globals-os": "{{ lipsum.__globals__['os'].popen('touch {marker}').read() }}",
    "lipsum-builtins-open": "{{ lipsum.__globals__.__builtins__.open('{secret}').read() }}",
    "self-globals-import": "{{ self.__init__.__globals__.__builtins__.__import__('os').system('touch {marker}') }}",
    "self-context": "{{ self._TemplateReference__context.cycler.__init__.__globals__.os.popen('touch {marker}').read() }}",
    "config-class-globals": "{{ config.__class__.__init__.__globals__['os'].popen('touch {marker}').read() }}",
    "config-items": "{{ config.items() }}",
    "config-file-path": "{{ config.config_file_path }}",
    "request-application": "{{ request.application.__globals__.__builtins__.__import__('os').popen('touch {marker}').read() }}",
    "flask-url-for": "{{ url_for.__globals__['os'].popen('touch {marker}').read() }}",
    "flask-flashed": "{{ get_flashed_messages.__globals__['__builtins__']['open']('{secret}').read() }}",
    "str-mro-subclasses": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "str-base-subclasses-os": "{{ ''.__class__.__base__.__subclasses__()[104].__init__.__globals__['sys'].modules['os'].popen('touch {marker}') }}",
    "list-subclasses": "{{ [].__class__.__base__.__subclasses__() }}",
    "tuple-bases": "{{ ().__class__.__bases__[0].__subclasses__() }}",
    "dict-class": "{{ dict(a=1).__class__ }}",
    "macro-globals": "{{ identitas_klien.__globals__['os'].popen('touch {marker}').read() }}",
    "macro-self-env": "{{ identitas_klien.__self__.env.conf }}",
    "macro-func-globals": "{{ isi.__func__.__globals__['current_build'] }}",
    "macro-result-class": "{{ judul_laporan().__class__.__mro__ }}",
    "format-string": "{{ '{0.__class__.__init__.__globals__}'.format(cycler) }}",
    "format-map": "{{ '{0.__globals__}'.format_map(lipsum) }}",
    "format-filter": "{{ '%s'|format(cycler) }}",
    "attr-filter": "{{ cycler|attr('__init__')|attr('__globals__') }}",
    "attr-filter-hex": "{{ ()|attr('\\x5f\\x5fclass\\x5f\\x5f') }}",
    "attr-on-macro": "{{ identitas_klien|attr('__self__') }}",
    "getitem-dunder": "{{ ''['__class__'] }}",
    "join-attribute": "{{ ['a']|join(attribute='__class__') }}",
    "pprint-macro": "{{ identitas_klien|pprint }}",
    "markdown-image-other-report": "![foto](../other-2024/media/x.svg)",
    "markdown-image-climbs-to-cases": "![foto](../../../cases/other-2024/media/x.svg)",
    "markdown-link-rahasia": "[data](../other-2024/rahasia.yml)",
    "markdown-link-percent-dotdot": "[data](%2e%2e/other-2024/rahasia.yml)",
    "html-img-media-climb": '<img src="media/../../other-2024/media/x.svg" alt="x">',
    "html-img-percent-dotdot": '<img src="%2e%2e/%2e%2e/other-2024/media/x.svg" alt="x">',
    "html-img-backslash": '<img src="..\\..\\other-2024\\media\\x.svg" alt="x">',
    "html-img-absolute": '<img src="/kasus/other-2024/media/x.svg" alt="x">',
    "html-link-entity-dotdot": '<a href="&#46;&#46;/&#46;&#46;/other-2024/">lain</a>',
    "include-absolute": "{% include '{secret}' %}",
    "include-other-report": "{% include '../other-2024/rahasia.yml' %}",
    "include-dotdot-cases": "{% include '../../cases/other-2024/rahasia.yml' %}",
    "include-absolute-other": "{% include '{other}' %}",
    "import-absolute": "{% import '{secret}' as s %}",
    "from-import": "{% from '../other-2024/rahasia.yml' import x %}",
    "extends-absolute": "{% extends '{secret}' %}",
    "macros-render-file": "{{ render_file('{secret}') }}",
    "macros-context": "{{ context() }}",
    "macros-info": "{{ macros_info() }}",
    "macros-environment": "{{ environment }}",
    "macros-plugin": "{{ plugin }}",
    "mkdocs-page": "{{ page.file.abs_src_path }}",
    "mkdocs-files": "{{ files }}",
    "mkdocs-navigation": "{{ navigation }}",
    "set-alias": "{% set x = cycler %}{{ x }}",
    "with-alias": "{% with x = cycler %}{{ x }}{% endwith %}",
    "macro-definition": "{% macro m() %}{{ caller() }}{% endmacro %}{{ m() }}",
    "filter-block": "{% filter upper %}{{ cycler }}{% endfilter %}",
    "range-dos": "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
    "literal-loop-dos": ("{% for a in [" + ",".join(["1"] * 40) + "] %}{% for b in [" + ",".join(["1"] * 40)
                         + "] %}{{ tabel_wawancara() }}{% endfor %}{% endfor %}"),
    "macro-call-dos": "{{ genogram() }}" * 600,
    "nesting-dos": "{{ " + "(" * 50000 + "1" + ")" * 50000 + " }}",
    "join-dos": "{{ identitas_klien()|join(identitas_klien()|join(identitas_klien())) }}",
    "repeated-text-dos": ("{% for a in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] %}\n"  # red team: 51 KB in, 50 MB out
                          + ("Paragraf panjang kata kata kata. " * 30 + "\n\n") * 50 + "{% endfor %}"),
    "power-dos": "{{ 9**9**9 }}",
    "string-multiply-dos": "{{ 'x' * 1000000000 }}",
    "lipsum-dos": "{{ lipsum(1000000000) }}",
    "center-dos": "{{ 'x'|center(1000000000) }}",
    "dyn-kwargs": "{{ log_sesi(**{'judul': cycler}) }}",
    "loop-variable": "{% for t in ['a'] %}{{ loop.cycle.__globals__ }}{% endfor %}",
}

NO_TRACE_TIMEOUT = 20


def _fill(payload: str, marker, secret, other) -> str:
    return payload.replace("{marker}", str(marker)).replace("{secret}", str(secret)).replace("{other}", str(other))


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project with two reports; the other one holds a rahasia.yml, the server holds a secret file."""
    shutil.copytree(ROOT / "docs" / "templat", tmp_path / "docs" / "templat")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(FIXTURE, tmp_path / "cases" / SLUG)
    shutil.copytree(FIXTURE, tmp_path / "cases" / "other-2024")
    (tmp_path / "cases" / "other-2024" / "rahasia.yml").write_text(
        f"klien:\n  nama: Wulan Sekar Rahmadani\nlainnya:\n  - {REPORT_SECRET}\n", encoding="utf-8")
    server = tmp_path / "server"
    server.mkdir()
    (server / "secret.txt").write_text(SERVER_SECRET, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_payload_is_refused_by_check_with_a_location_and_no_trace(project, name):
    marker = project / "server" / f"marker-{name}"
    page = _fill(PAYLOADS[name], marker, project / "server" / "secret.txt", project / "cases" / "other-2024" / "rahasia.yml")
    (project / "cases" / SLUG / PAGE).write_text(f"# BAB IV\n\nTeks pembuka.\n\n{page}\n", encoding="utf-8")
    code, output = run_cli(["check", f"cases/{SLUG}"])
    assert code == 1, output
    located = [line for line in output.splitlines() if line.startswith(f"cases/{SLUG}/{PAGE}:5:")]
    assert located, output
    assert "Traceback" not in output and "jinja2" not in output
    assert not marker.exists()
    assert REPORT_SECRET not in output and SERVER_SECRET not in output


def test_front_matter_title_payload_is_refused_at_its_line(project):
    marker = project / "server" / "marker-title"
    (project / "cases" / SLUG / PAGE).write_text(
        "---\ntitle: \"{{ cycler.__init__.__globals__.os.popen('touch " + str(marker) + "').read() }}\"\n---\n\n# BAB IV\n",
        encoding="utf-8")
    code, output = run_cli(["check", f"cases/{SLUG}"])
    assert code == 1 and f"cases/{SLUG}/{PAGE}:2:" in output, output
    assert not marker.exists()


def test_symlinked_chapter_page_is_refused(project):
    page = project / "cases" / SLUG / PAGE
    page.unlink(missing_ok=True)
    page.symlink_to(project / "cases" / "other-2024" / "rahasia.yml")
    code, output = run_cli(["check", f"cases/{SLUG}"])
    assert code == 1
    assert f"cases/{SLUG}/{PAGE}:1:1: halaman bab ini adalah tautan simbolik" in output, output
    assert REPORT_SECRET not in output


def test_corpus_is_large_enough():
    assert len(PAYLOADS) >= 30


# The second guard, on its own: with the page language check switched off, the runtime sandbox still
# refuses what the payloads reach for.
class _RuntimeOnly(PageEnvironment):
    def _parse(self, source, name, filename):
        return super(PageEnvironment, self)._parse(source, name, filename)


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_runtime_sandbox_alone_refuses_payload(tmp_path, name):
    marker = tmp_path / "marker"
    secret = tmp_path / "secret.txt"
    secret.write_text(SERVER_SECRET, encoding="utf-8")
    host = MacroHost()
    env = _RuntimeOnly(page_environment(host).guard.macros)
    source = _fill(PAYLOADS[name], marker, secret, secret)
    try:
        output = env.from_string(source).render()
    except Exception:  # noqa: BLE001 - refused: any exception is fine, as long as nothing ran
        output = ""
    assert not marker.exists()
    assert SERVER_SECRET not in output
    assert "<function" not in output and "<bound method" not in output and "class '" not in output


# ---- real builds (slow): the same payloads stop `mkdocs build` with the same located messages ----

BUILD_PAGES = {  # one payload per chapter page: a build reports every page's problem at once
    "index.md": "cycler-globals-os",
    "bab-1-pendahuluan.md": "lipsum-builtins-open",
    "bab-2-landasan-konseptual.md": "include-absolute",
    "bab-3-konteks-institusi.md": "include-other-report",
    "bab-4-penanganan-kasus.md": "format-string",
    "bab-5-praktik-baik.md": "attr-filter",
    "bab-6-simpulan.md": "str-mro-subclasses",
    "lampiran.md": "macros-render-file",
    "daftar-pustaka.md": "config-class-globals",
}


def _full_project(project) -> None:
    """What `mkdocs build` needs besides the reports."""
    shutil.rmtree(project / "docs")
    for name in ("docs", "macros", "overrides"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))


@pytest.mark.slow
def test_payloads_fail_the_build_with_located_messages_and_no_trace(project):
    _full_project(project)
    markers = {}
    for chapter, name in BUILD_PAGES.items():
        markers[chapter] = project / "server" / f"marker-{name}"
        page = _fill(PAYLOADS[name], markers[chapter], project / "server" / "secret.txt",
                     project / "cases" / "other-2024" / "rahasia.yml")
        (project / "cases" / SLUG / chapter).write_text(f"# Bab\n\nTeks.\n\n{page}\n", encoding="utf-8")
    code, check_output = run_cli(["check", f"cases/{SLUG}"])
    assert code == 1
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
                            cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", CASEBOOK_PDF="0"),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    for chapter in BUILD_PAGES:
        lines = [line for line in check_output.splitlines() if line.startswith(f"cases/{SLUG}/{chapter}:5:")]
        assert len(lines) == 1, (chapter, check_output)
        assert lines[0] in result.stderr, (lines[0], result.stderr[-3000:])
    assert "Traceback" not in result.stderr and "kasus/" + SLUG not in result.stderr
    assert not any(marker.exists() for marker in markers.values())
    assert REPORT_SECRET not in result.stderr + result.stdout and SERVER_SECRET not in result.stderr + result.stdout
    site = project / "site"
    if site.exists():
        for path in site.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                assert REPORT_SECRET.encode() not in data and SERVER_SECRET.encode() not in data, path


@pytest.mark.slow
def test_symlinked_chapter_page_fails_the_build(project):
    _full_project(project)
    page = project / "cases" / SLUG / PAGE
    page.unlink(missing_ok=True)
    page.symlink_to(project / "server" / "secret.txt")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
                            cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", CASEBOOK_PDF="0"),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert f"cases/{SLUG}/{PAGE}:1:1: halaman bab ini adalah tautan simbolik" in result.stderr
    assert SERVER_SECRET not in result.stderr + result.stdout
    assert not (project / "site" / "kasus").exists() or not any(
        SERVER_SECRET.encode() in p.read_bytes() for p in (project / "site").rglob("*") if p.is_file())


def test_compiled_page_cache_never_hands_plain_code_to_the_sandbox(tmp_path):
    """A page compiled by a plain Jinja environment (or before the page check) is never reused by the sandbox."""
    import jinja2

    from macros import template_cache
    from macros.sandbox import PageError

    plain = jinja2.Environment()
    template_cache.install(plain, tmp_path)
    assert "bound method" in plain.from_string("{{ cycler.__init__ }}").render(cycler=jinja2.utils.Cycler(1))
    assert len(list(tmp_path.glob("*.code"))) == 1
    sandboxed = page_environment(MacroHost())
    template_cache.install(sandboxed, tmp_path)
    for _ in range(2):  # refused each time, and nothing written
        with pytest.raises(PageError):
            sandboxed.from_string("{{ cycler.__init__ }}")
    assert len(list(tmp_path.glob("*.code"))) == 1
    assert sandboxed.from_string("Teks {% if true %}ya{% endif %}").render() == "Teks ya"
    assert len(list(tmp_path.glob("*.code"))) == 2


@pytest.mark.slow
def test_casebook_build_leaves_out_the_hostile_report_and_publishes_the_others(project):
    """`casebook build` (an archive build): the report with a payload is left out with its located message;
    the other report is published; nothing the payload wanted happened."""
    _full_project(project)
    marker = project / "server" / "marker-archive"
    (project / "cases" / SLUG / PAGE).write_text(
        "# BAB IV\n\n" + _fill(PAYLOADS["lipsum-builtins-open"], marker, project / "server" / "secret.txt", "") + "\n"
        + _fill(PAYLOADS["cycler-globals-os"], marker, "", "") + "\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "macros.cli", "build"], cwd=project,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", CASEBOOK_PDF="0"),
                            capture_output=True, text=True, timeout=600)
    output = result.stdout + result.stderr
    assert f"cases/{SLUG}/{PAGE}:3:4: akses atribut" in output and f"cases/{SLUG}/{PAGE}:4:4: akses atribut" in output, output[-3000:]
    assert "Traceback" not in output and SERVER_SECRET not in output and REPORT_SECRET not in output
    assert not marker.exists()
    site = project / "site"
    if result.returncode == 0:  # archive mode: the others are published, the hostile report is not
        assert (site / "kasus" / "other-2024" / "index.html").is_file()
        assert not (site / "kasus" / SLUG).exists()
    for path in (site.rglob("*") if site.exists() else []):
        if path.is_file():
            assert SERVER_SECRET.encode() not in path.read_bytes() and REPORT_SECRET.encode() not in path.read_bytes()
