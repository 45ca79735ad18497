"""The `casebook` command: new, check, schema, build, serve, export, synth.

Exit codes follow the usual convention: 0 clean, 1 problems in the data,
2 wrong use of the command. Messages are in Indonesian; no traceback is shown
for anything a student can cause.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from macros.completeness import STATUS_MARKS, checklist, completeness
from macros.errors import CaseDataError, Problem, Severity, display_path
from macros import archive_isolation as isolation
from macros.failures import BuildBusy, build_lock, os_error_message, run_child
from macros.help_links import reference_link
from macros.incremental import ENV_FLAG as INCREMENTAL_FLAG
from macros.incremental import adopt_state, discard, link_previous_build
from macros.messages import argparse_in_indonesian, whole_number
from macros.loading import CASE_FILE, PLACEHOLDER_MESSAGE, SLUG, LoadResult, case_folders, ignored_entries, load_case
from macros.privacy.secrets import SECRETS_FILE
from macros.project import SCHEMA_FILE, TEMPLATES_DIR, ProjectConfig, casebook_settings_of, load_project
from macros.schema_export import schema_text

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Wrong use of the command (exit 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 with English text; say it in Indonesian
        self.print_usage(sys.stderr)
        sys.stderr.write(f"casebook: perintah tidak valid: {message}\n")
        raise SystemExit(EXIT_USAGE)


def _parser() -> argparse.ArgumentParser:
    argparse_in_indonesian()
    parser = _Parser(prog="casebook", description="Casebook: laporan praktikum pekerjaan sosial dari data kasus.")
    commands = parser.add_subparsers(dest="command", metavar="PERINTAH", parser_class=_Parser)
    commands.required = True
    new = commands.add_parser("new", help="buat laporan baru dari templat")
    new.add_argument("slug", help="nama folder laporan, huruf kecil dan tanda hubung, misalnya ln-hikari-2024")
    new.add_argument("--jenis", default="institusi", metavar="JENIS",
                     help="jenis praktikum: institusi (bawaan), laboratorium, atau komunitas; menentukan templat bab dan "
                          "isi awal kasus.yml")
    check = commands.add_parser("check", help="periksa data laporan")
    check.add_argument("paths", nargs="*", metavar="PATH", help="folder laporan, kasus.yml, atau folder berisi laporan")
    check.add_argument("--strict", action="store_true", help="peringatan juga dianggap gagal")
    check.add_argument("--rinci", action="store_true", help="tampilkan status setiap bagian laporan (kelengkapan)")
    schema = commands.add_parser("schema", help="cetak JSON Schema kasus.yml")
    schema.add_argument("--output", type=Path, help="tulis ke berkas ini alih-alih layar")
    build = commands.add_parser("build", help="bangun situs (dan PDF) ke folder site/")
    build.add_argument("--profile", choices=["public", "internal"], default="public", help="profil publikasi")
    build.add_argument("--penuh", action="store_true",
                       help="bangun ulang semua laporan (bawaan: laporan yang tidak berubah dipakai ulang dari build sebelumnya)")
    build.add_argument("--strict-archive", action="store_true",
                       help="semua atau tidak sama sekali: satu laporan bergalat menggagalkan seluruh build (kode "
                            "keluar 1, situs sebelumnya tetap utuh). Bawaan: laporan bergalat ditinggalkan, laporan lain "
                            "tetap diterbitkan, daftar laporan yang ditinggalkan dicetak sebagai PERINGATAN dan kode "
                            "keluarnya 0")
    build.add_argument("--offline", action="store_true",
                       help=f"salinan yang dapat dibuka langsung dari folder atau USB, tanpa server dan internet: "
                            f"{OFFLINE_SITE}/ dan {OFFLINE_SITE}.zip")
    serve = commands.add_parser("serve", help="pratinjau situs di http://127.0.0.1 (port dev_addr di mkdocs.yml, bawaan 8000) yang dimuat ulang saat berkas berubah")
    serve.add_argument("--port", type=whole_number, default=None, metavar="N",
                       help="port pratinjau (bawaan: port dev_addr di mkdocs.yml, atau 8000; bila sedang dipakai, "
                            "port bebas berikutnya)")
    export = commands.add_parser("export", help="ekspor laporan ke Word (.docx), atau katalog arsip ke CSV dan XLSX")
    export.add_argument("slug", nargs="?", help="nama folder laporan, misalnya ln-hikari-2024 (untuk --docx)")
    export.add_argument("--docx", action="store_true", help="laporan sebagai dokumen Word")
    export.add_argument("--katalog", action="store_true",
                        help="katalog arsip (satu baris per laporan) sebagai katalog-arsip.csv dan katalog-arsip.xlsx")
    export.add_argument("--output", type=Path,
                        help="berkas tujuan (bawaan: <slug>.docx di folder ini); untuk --katalog: folder tujuan")
    export.add_argument("--profile", choices=["public", "internal"], default="internal",
                        help="profil foto (bawaan internal: salinan untuk pembimbing)")
    synth = commands.add_parser("synth", help="buat laporan sintetis untuk uji dan tolok ukur arsip")
    synth.add_argument("--n", type=whole_number, required=True, help="jumlah laporan yang dibuat")
    synth.add_argument("--seed", type=whole_number, required=True, help="benih acak: benih sama menghasilkan berkas yang sama persis")
    synth.add_argument("--keluaran", type=Path, help="folder tujuan (bawaan: folder cases/ proyek)")
    return parser


def _printable_everywhere() -> None:
    """A Windows console or a redirected file in cp1252 cannot encode ✓, ⚠ or a name in Sundanese script:
    such a character prints as `?` instead of stopping the command with an English UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and (stream.encoding or "").replace("-", "").lower() != "utf8":
            stream.reconfigure(errors="replace")


def main(argv: list[str] | None = None) -> int:
    _printable_everywhere()
    args = _parser().parse_args(argv)
    try:
        project = load_project()
        handler = {"new": cmd_new, "check": cmd_check, "schema": cmd_schema, "build": cmd_build, "serve": cmd_serve,
                   "export": cmd_export, "synth": cmd_synth}
        return handler[args.command](args, project)
    except UsageError as exc:
        print(f"casebook: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `casebook check --rinci | head`: the reader has seen enough
        sys.stdout = open(os.devnull, "w")  # no second error when Python flushes stdout at exit
        return 0
    except CaseDataError as exc:  # Casebook's settings in mkdocs.yml (macros/project.py): located, with the key meant
        print(f"casebook: pengaturan di mkdocs.yml tidak valid:\n{exc}", file=sys.stderr)
        return EXIT_USAGE
    except ValueError as exc:  # e.g. an unknown vocabulary kind in mkdocs.yml
        print(f"casebook: mkdocs.yml: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BuildBusy as exc:
        print(f"casebook: {exc}", file=sys.stderr)
        return EXIT_DATA
    except KeyboardInterrupt:  # Ctrl-C: the build's workers are stopped by the build itself (macros/mkdocs_run.py)
        print("\ncasebook: dihentikan (Ctrl-C); situs sebelumnya tetap utuh.", file=sys.stderr)
        return 130
    except OSError as exc:  # full disk, read-only folder, ...
        print(os_error_message(exc, "Situs sebelumnya tetap utuh."), file=sys.stderr)
        return EXIT_DATA


def cmd_new(args: argparse.Namespace, project: ProjectConfig) -> int:
    slug = args.slug
    if not SLUG.fullmatch(slug):
        raise UsageError(f"nama laporan `{slug}` tidak valid: gunakan huruf kecil, angka dan tanda hubung, misalnya ln-hikari-2024")
    target = project.cases_dir / slug
    if target.exists():
        raise UsageError(f"folder {display_path(target, project.root)} sudah ada; pilih nama lain")
    from macros.practicum import kind_of, subject_of_template
    from macros.site import template_folders

    if not project.vocabulary.knows("jenis_praktikum", args.jenis):
        raise UsageError(f"jenis praktikum `{args.jenis}` tidak dikenal; pilihan: "
                         f"{', '.join(project.vocabulary.codes('jenis_praktikum'))}")
    templates = project.root / TEMPLATES_DIR
    folders = [templates / name for name in template_folders(kind_of(args.jenis))]
    # The kind's own kasus.yml (with its subject and stages) if it has one, else the shared one.
    case_template = next((f / CASE_FILE for f in folders[:-1] if (f / CASE_FILE).is_file()), templates / CASE_FILE)
    if not case_template.is_file():
        raise UsageError(f"templat {display_path(case_template, project.root)} tidak ditemukan")
    # Whose identity rahasia.yml keeps follows the template's subject: a group's members, a village's people.
    subject = subject_of_template(case_template.read_text(encoding="utf-8"))
    people = subject.people if subject else "orang yang didampingi"
    project.cases_dir.mkdir(parents=True, exist_ok=True)
    # Build in a temporary folder beside the target and rename at the end: never a half-made report.
    staging = Path(tempfile.mkdtemp(prefix=f".{slug}-", dir=project.cases_dir))
    try:
        shutil.copy2(case_template, staging / CASE_FILE)
        for folder in reversed(folders):  # the kind's own pages last: they replace the shared ones
            for page in sorted(folder.glob("*.md")):
                shutil.copy2(page, staging / page.name)
        (staging / "media").mkdir()
        (staging / "media" / ".gitkeep").touch()
        # The private identity file must never be committed, even when the folder is copied elsewhere.
        (staging / ".gitignore").write_text(f"# Identitas asli {people}: jangan pernah di-commit atau diunggah.\n"
                                            f"{SECRETS_FILE}\n", encoding="utf-8")
        # Micro cases and group members are real people known by a code: a place for each one's real identity, so
        # the privacy gate can look for the names (check warns while a code has no entry; macros/privacy/identities.py).
        secrets_template = _secrets_template(case_template.read_text(encoding="utf-8"), people)
        if secrets_template:
            (staging / SECRETS_FILE).write_text(secrets_template, encoding="utf-8")
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shown = display_path(target, project.root)
    print(f"Laporan baru dibuat di {shown}/")
    print(f"Langkah berikut: isi {shown}/{CASE_FILE} (ganti setiap <<ISI ...>>), lalu jalankan `casebook check {shown}`.")
    print(f"Identitas asli {people} (bila perlu dicatat) hanya di {shown}/{SECRETS_FILE}: berkas itu tidak pernah terbit "
          "dan dipakai untuk memastikan tidak ada yang bocor (lihat halaman Privasi di situs).")
    return EXIT_OK


def _kept_sections(result: LoadResult, project: ProjectConfig) -> str:
    """The sections a report of this kind must keep, as its kind's template says in its header ("kecuali laporan,
    praktikan, komunitas"): a laboratory report has no `klien` and may drop `institusi` (user test s23, F13)."""
    from macros.practicum import kind_of

    code = None
    if result.loaded is not None:
        code = result.loaded.case.report.kind
    else:
        try:
            found = re.search(r"^\s*jenis_praktikum:\s*['\"]?([a-z_]+)", (result.folder / CASE_FILE).read_text(encoding="utf-8"), re.M)
            code = found.group(1) if found else None
        except (OSError, UnicodeDecodeError):
            pass
    kind = kind_of(code)
    templates = project.root / TEMPLATES_DIR
    template = templates / kind.templates / CASE_FILE if kind.templates else templates / CASE_FILE
    if not template.is_file():
        template = templates / CASE_FILE
    try:
        listed = re.search(r"\(kecuali ([^)]+)\)", template.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        listed = None
    names = [n.strip() for n in listed.group(1).split(",")] if listed else ["laporan", "praktikan", "institusi", "klien"]
    return ", ".join(names[:-1]) + " dan " + names[-1] if len(names) > 1 else names[0]


def _secrets_template(case_template: str, people: str) -> str:
    """rahasia.yml for a new report whose template names people by pseudonym codes (micro cases, group members):
    one entry per person in the template; empty when the template has none (an institutional report's client is
    written by the student when needed, as the Privasi page shows)."""
    import yaml

    try:
        data = yaml.safe_load(case_template) or {}
    except yaml.YAMLError:
        return ""
    if not isinstance(data, dict):
        return ""
    group = data.get("kelompok_sasaran") if isinstance(data.get("kelompok_sasaran"), dict) else {}
    places = [("kasus mikro", "KM", item) for item in data.get("kasus_mikro") or [] if isinstance(item, dict)]
    places += [("anggota kelompok", "A", item) for item in group.get("anggota") or [] if isinstance(item, dict)]
    if not places:
        return ""
    lines = [f"# Identitas asli {people}. Berkas ini TIDAK PERNAH terbit dan tidak boleh di-commit (lihat .gitignore).",
             "# Casebook memakainya untuk memastikan nama, alamat dan nomor mereka tidak tercetak di laporan.",
             "# Satu butir per orang; `kode` sama dengan kode samarannya di kasus.yml. Tambahkan butir bila orangnya",
             "# lebih banyak; `casebook check` memperingatkan kode yang belum tercatat di sini.",
             "orang_lain:"]
    for number, (who, prefix, _) in enumerate(places, 1):
        lines += [f'  - kode: "<<ISI: kode samaran {who}, misalnya {prefix}{number}>>"',
                  '    nama: "<<ISI: nama lengkap asli>>"',
                  "    # panggilan: nama panggilan",
                  "    # alamat: alamat rumah",
                  "    # telepon: [nomor HP]"]
    lines += ["# Teks lain yang tidak boleh terbit (nama gang, nama warung, ...):", "lainnya: []"]
    return "\n".join(lines) + "\n"


def find_case_folders(paths: list[Path], project: ProjectConfig) -> list[Path]:
    """Resolve command-line paths to report folders (a folder with kasus.yml, or a folder of them)."""
    if not paths:
        paths = [project.cases_dir]
    folders: list[Path] = []
    for path in paths:
        if not path.exists() and len(path.parts) == 1 and (project.cases_dir / path).is_dir():
            path = project.cases_dir / path  # a report's slug, as `casebook export` takes it
        # cases/ itself is always a folder of reports: a stray cases/kasus.yml must not turn it into one report
        # and hide every real report (it is named as a loose file instead, see ignored_warnings).
        collection = _is_cases_dir(path, project)
        if path.is_file() and path.name == CASE_FILE and not _is_cases_dir(path.parent, project):
            folders.append(path.parent)
        elif path.is_dir() and (path / CASE_FILE).is_file() and not collection:
            folders.append(path)
        elif path.is_dir():
            found = case_folders(path)
            if not found:
                raise UsageError(f"tidak ada laporan (folder berisi {CASE_FILE}) di {display_path(path, project.root)}"
                                 + _misnamed_case_file(path))
            folders.extend(found)
        else:
            slugs = [f.name for f in case_folders(project.cases_dir)] if project.cases_dir.is_dir() else []
            close = difflib.get_close_matches(path.name, slugs, n=1, cutoff=0.6)
            raise UsageError(f"{path} tidak ditemukan" + (f"; maksud Anda `{close[0]}`?" if close else ""))
    return folders


def _misnamed_case_file(folder: Path) -> str:
    """Windows' Notepad saves `kasus.yml.txt` when extensions are hidden; editors may write `kasus.yaml`."""
    for candidate in sorted(folder.iterdir()) if folder.is_dir() else []:
        name = candidate.name.casefold()
        if candidate.is_file() and name != CASE_FILE and name.startswith(("kasus.yml", "kasus.yaml")):
            return f"; ada berkas `{candidate.name}`: ganti namanya menjadi {CASE_FILE}"
    return ""


def _is_cases_dir(path: Path, project: ProjectConfig) -> bool:
    return path.is_dir() and project.cases_dir.is_dir() and path.resolve() == project.cases_dir.resolve()


def _report_collections(paths: list[Path], project: ProjectConfig) -> list[Path]:
    """The folders `check` reads as folders of reports (bare `check`: cases/), whose other entries it passes over."""
    found = []
    for path in paths or [project.cases_dir]:
        if not path.exists() and len(path.parts) == 1 and (project.cases_dir / path).is_dir():
            path = project.cases_dir / path
        if path.is_dir() and (not (path / CASE_FILE).is_file() or _is_cases_dir(path, project)):
            found.append(path)
    return found


def ignored_warnings(paths: list[Path], project: ProjectConfig) -> list[str]:
    """One located warning per entry of a folder of reports that is neither checked nor published: a folder without
    kasus.yml (often a misnamed `kasus.yml.txt`), a hidden folder, a loose file such as cases/kasus.yml."""
    lines = []
    for collection in _report_collections(paths, project):
        for entry in ignored_entries(collection):
            shown = display_path(entry, project.root)
            if entry.is_dir() and entry.name.startswith("."):
                what = ("folder tersembunyi (namanya diawali titik) tidak diperiksa dan tidak terbit"
                        + ("; bila ini laporan, hapus titik di awal namanya" if (entry / CASE_FILE).is_file() else ""))
                lines.append(f"{shown}/: peringatan: {what}")
            elif entry.is_dir():
                hint = _misnamed_case_file(entry) or (f"; bila ini laporan, buat {CASE_FILE} di dalamnya (`casebook new "
                                                      f"{entry.name}` membuat kerangkanya), bila bukan, pindahkan keluar dari "
                                                      f"{display_path(collection, project.root)}/")
                lines.append(f"{shown}/: peringatan: folder tanpa {CASE_FILE}: tidak diperiksa dan tidak terbit{hint}")
            else:
                where = f"cases/<slug>/{entry.name}" if entry.name == CASE_FILE else "cases/<slug>/"
                lines.append(f"{shown}: peringatan: berkas ini tidak termasuk laporan mana pun: tidak diperiksa dan tidak "
                             f"terbit (isi satu laporan ada di foldernya sendiri: pindahkan ke {where})")
    return lines


def _duplicate_slugs(results: list[LoadResult], project: ProjectConfig) -> list[Problem]:
    by_slug: dict[str, list[LoadResult]] = defaultdict(list)
    for result in results:
        if result.folder.resolve() not in [r.folder.resolve() for r in by_slug[result.slug]]:
            by_slug[result.slug].append(result)
    problems = []
    for slug, group in by_slug.items():
        for result in group[1:]:
            first = display_path(group[0].folder, project.root)
            problems.append(Problem(display_path(result.folder / CASE_FILE, project.root), 1, 1, "",
                                    f"slug laporan `{slug}` sudah dipakai oleh {first}",
                                    "setiap laporan harus punya nama folder yang unik; ganti nama salah satu folder"))
    return problems


def cmd_check(args: argparse.Namespace, project: ProjectConfig) -> int:
    started = time.perf_counter()
    folders = find_case_folders([Path(p) for p in args.paths], project)
    results = [load_case(folder, vocabulary=project.vocabulary, root=project.root) for folder in folders]
    extra = _duplicate_slugs(results, project)
    errors = warnings = 0
    for problem in extra:
        print(problem.format())
        errors += 1
    for line in ignored_warnings([Path(p) for p in args.paths], project):  # nothing in cases/ is passed over unsaid
        print(line)
        warnings += 1
    for result in results:
        for problem in result.problems:
            print(problem.format())
            link = reference_link(problem, project.vocabulary, base=project.preview_base)  # where `serve` will show it
            if link:
                print(f"    lihat: {link}")
        errors += len(result.errors)
        warnings += len(result.warnings)
    # Chapter pages, rendered in the page sandbox with the real macros, as `casebook build` renders them.
    from macros.page_check import check_report_pages

    page_problems = check_report_pages(project.root, results, project.vocabulary)
    for problems in page_problems.values():
        for problem in problems:
            print(problem.format())
        # A page's mistakes are errors; a filled part no page prints is a warning (macros/render/places.py).
        page_warnings = sum(1 for p in problems if p.severity == Severity.WARNING)
        errors += len(problems) - page_warnings
        warnings += page_warnings
    for result in results:
        placeholders = [p for p in result.errors if p.message == PLACEHOLDER_MESSAGE]
        if placeholders:  # a fresh template: say where to start instead of leaving 100+ lines to scroll
            first = min(placeholders, key=lambda p: p.line)
            print(f"{result.slug}: {len(placeholders)} isian contoh `<<ISI ...>>` belum diganti; mulai dari "
                  f"{first.file} baris {first.line} ({first.field_path}). Bagian yang tidak diperlukan boleh dihapus, "
                  f"kecuali {_kept_sections(result, project)}.")
    for result in results:
        # The report's own count: its kasus.yml and its chapter pages, as in the total below.
        report_errors = len(result.errors) + sum(1 for p in page_problems.get(result.slug, []) if p.severity != Severity.WARNING)
        if result.loaded is None:
            print(f"{result.slug}: belum lolos pemeriksaan ({report_errors} galat; perbaiki yang tertulis di atas, "
                  "lalu jalankan check lagi)")
            continue
        tally = completeness(result.loaded.case, project.vocabulary)
        case = result.loaded.case
        status = ("draf" if project.vocabulary.is_draft(case) else
                  "disetujui" if case.approval is not None and case.approval.approved_on else "tanpa lembar pengesahan")
        # Say where the errors are: kasus.yml, the chapter pages, or both (user test s23, F11: kasus.yml errors were
        # summarised as "galat di halaman bab").
        page_errors = report_errors - len(result.errors)
        where = [f"{len(result.errors)} di {CASE_FILE}"] * bool(result.errors) + [f"{page_errors} di halaman bab"] * bool(page_errors)
        pages = f"; {report_errors} galat: {', '.join(where)}" if report_errors else ""
        print(f"{result.slug}: {tally.summary} ({status}{pages})")
        if args.rinci:
            for row in checklist(result.loaded.case, result.warnings, project.vocabulary):
                notes = f" ({'; '.join(row.notes)})" if row.notes else ""
                print(f"  {STATUS_MARKS[row.status]} {row.name}: {row.status}{notes}")
        elif tally.empty:
            missing = [p for p in tally.empty if p.required]
            optional = [p for p in tally.empty if not p.required]
            if missing:
                print("  belum terisi: " + ", ".join(p.name for p in missing))
            if optional:
                print("  opsional, kosong: " + ", ".join(p.name for p in optional))
    elapsed = time.perf_counter() - started
    print(f"{len(results)} laporan diperiksa dalam {elapsed:.2f} detik: {errors} galat, {warnings} peringatan.")
    if errors or (args.strict and warnings):
        return EXIT_DATA
    return EXIT_OK


def cmd_schema(args: argparse.Namespace, project: ProjectConfig) -> int:
    text = schema_text(project.vocabulary)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
        print(f"JSON Schema ditulis ke {args.output}")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _mkdocs(*arguments: str, project: ProjectConfig, profile: str = "public", module: str = "macros.mkdocs_run",
            **extra_env: str) -> int:
    # MkDocs' notice about its own future is for maintainers, not for a student building a report.
    env = dict(os.environ, CASEBOOK_PROFILE=profile, NO_MKDOCS_2_WARNING="1", **extra_env)
    # macros.mkdocs_run: MkDocs itself, with a full disk, Ctrl-C and the like as messages (macros/failures.py).
    return run_child([sys.executable, "-m", module, *arguments], cwd=project.root, env=env)


OFFLINE_SITE = "site-luring"  # `casebook build --offline`: opened from disk (macros/offline.py)
STAGING_PREFIX = ".site-baru-"
PREVIOUS_PREFIX = ".site-lama-"


def _recover_interrupted_build(root: Path, site: Path) -> None:
    """A build killed mid-way leaves only hidden folders: put the last good site back, drop the rest."""
    previous = sorted(root.glob(f"{PREVIOUS_PREFIX}*"))
    if not site.exists() and previous:
        previous[-1].rename(site)  # killed between the two renames of a swap: the old site comes back
    for leftover in [*root.glob(f"{STAGING_PREFIX}*"), *root.glob(f"{PREVIOUS_PREFIX}*")]:
        shutil.rmtree(leftover, ignore_errors=True)


def cmd_build(args: argparse.Namespace, project: ProjectConfig) -> int:
    """Build beside the site and swap at the end: a failed or killed build never leaves a half-written site/.
    One build at a time: a second one waits for nothing and says so."""
    with build_lock(project.root):
        return _build(args, project)


def _build(args: argparse.Namespace, project: ProjectConfig) -> int:
    site = project.root / (OFFLINE_SITE if args.offline else "site")
    _recover_interrupted_build(project.root, site)
    policy = isolation.failed_policy(casebook_settings_of(project.root))
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=project.root))
    try:
        code, left_out = _build_passes(args, project, site, staging)
    except BaseException:  # Ctrl-C, a full disk: no half-made staging folder stays behind
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if code == 0 and left_out and set(left_out) >= {folder.name for folder in case_folders(project.cases_dir)}:
        # Every report was left out (a student's portfolio of one): an empty archive must not replace the
        # last good site; the student sees the errors, and the site stays as it was.
        print(isolation.format_report(left_out), file=sys.stderr)
        code = 1
    if code != 0:
        shutil.rmtree(staging, ignore_errors=True)
        if site.exists():
            print("casebook: build gagal; situs sebelumnya di site/ tetap utuh.", file=sys.stderr)
        return EXIT_DATA
    if left_out:
        isolation.apply_policy(policy, site, staging, left_out)
    if args.offline:
        from macros.offline import make_offline

        make_offline(staging)
    previous = None
    try:
        if site.exists():
            previous = site.rename(project.root / f"{PREVIOUS_PREFIX}{os.getpid()}")
        staging.rename(site)
    except OSError:  # e.g. site/ is a read-only mount: the new site is dropped, the old one stays
        shutil.rmtree(staging, ignore_errors=True)
        if previous is not None and not site.exists():
            previous.rename(site)
        raise
    if not args.offline:
        adopt_state(project.root, staging, site)
    if previous is not None:
        discard(project.root, previous)  # removed by a detached process: the new site is ready now
    pdfs = sorted(site.glob("kasus/*/*.pdf"))
    listed = f"PDF: {', '.join(display_path(p, project.root) for p in pdfs)}" if pdfs else ""
    if args.offline:
        print(_offline_note(project, site) + (f"\n{listed}" if listed else ""))
    else:
        print(f"Selesai: situs di {display_path(site, project.root)}/ untuk diunggah ke server web (lihat Panduan » "
              "Menerbitkan situs); pratinjau: `casebook serve`; untuk dibuka langsung dari folder atau USB: "
              "`casebook build --offline`." + (f"\n{listed}" if listed else ""))
    saved = isolation.save_report(project.root, left_out)
    if left_out:
        # A campus admin's archive build did its job: the others are published, and a nightly job or CI must
        # not mark it failed (nor stop before uploading) for one student's mistake. The warning names every
        # left-out report; `--strict-archive` is the all-or-nothing mode that fails instead.
        print(f"PERINGATAN: situs diterbitkan tanpa {len(left_out)} laporan: {', '.join(sorted(left_out))}\n"
              + isolation.format_report(left_out) + f"\nLaporan build: {display_path(saved, project.root)}\n"
              "(kode keluar 0: laporan lain sudah terbit; `casebook build --strict-archive` menggagalkan build bila "
              "ada satu laporan bergalat)", file=sys.stderr)
    return EXIT_OK


def _build_passes(args: argparse.Namespace, project: ProjectConfig, site: Path, staging: Path) -> tuple[int, dict]:
    """The archive build: reports with invalid data are left out by the hook; a report whose output leaked is
    left out by a second pass (its text may be in the shared search index, which cannot be cut afterwards)."""
    left_out: dict[str, list[str]] = {}
    exclude: set[str] = set()
    handle, name = tempfile.mkstemp(prefix="casebook-laporan-", suffix=".json")
    os.close(handle)
    report_file = Path(name)
    try:
        for attempt in range(2):
            # Progress bars only where someone watches: a terminal, not a CI log or a pipe.
            env = {"CASEBOOK_PROGRESS": "1"} if sys.stderr.isatty() else {}
            if args.strict_archive:
                env[isolation.STRICT_ENV] = "1"
            else:
                env[isolation.REPORT_ENV] = name
                if site.is_dir() and not args.offline:  # `pertahankan` keeps left-out reports' pages from here
                    env[isolation.PREVIOUS_ENV] = str(site)
            if exclude:
                env[isolation.EXCLUDE_ENV] = ",".join(sorted(exclude))
            arguments = ["build", "--strict", "--site-dir", str(staging)]
            if (attempt == 0 and not args.penuh and not args.offline and site.exists()
                    and link_previous_build(project.root, site, staging)):
                # Unchanged reports keep their pages and PDF (macros/incremental.py); the hook checks each one.
                arguments.append("--dirty")
                env[INCREMENTAL_FLAG] = "1"
            report_file.write_text("{}", encoding="utf-8")
            code = _mkdocs(*arguments, project=project, profile=args.profile, **env)
            report = isolation.read_report(report_file)
            left_out.update(report["left_out"])
            if code != 0 and report["leaking"] and attempt == 0:
                left_out.update(report["leaking"])
                exclude |= set(report["leaking"])
                shutil.rmtree(staging, ignore_errors=True)
                staging.mkdir()
                print(f"casebook: membangun ulang tanpa {', '.join(sorted(exclude))}", file=sys.stderr)
                continue
            return code, left_out
    finally:
        report_file.unlink(missing_ok=True)
    return 1, left_out



def _offline_note(project: ProjectConfig, site: Path) -> str:
    """Zip the offline site beside it (one file to hand over) and say how to open and hand it over."""
    from macros.offline import folder_size, human_size

    archive = site.with_name(f"{site.name}.zip")
    temporary = shutil.make_archive(str(site.with_name(f".{site.name}-zip")), "zip", root_dir=site.parent, base_dir=site.name)
    Path(temporary).replace(archive)
    shown, zipped = display_path(site, project.root), display_path(archive, project.root)
    return (f"Selesai: situs luring di {shown}/ ({human_size(folder_size(site))}) dan {zipped} "
            f"({human_size(archive.stat().st_size)}).\n"
            f"Buka {shown}/index.html langsung di peramban: navigasi dan pencarian bekerja tanpa server dan tanpa internet.\n"
            f"Untuk diserahkan: salin folder {shown}/ ke USB, atau kirim {zipped}; penerima mengekstraknya lalu membuka index.html.")


def cmd_export(args: argparse.Namespace, project: ProjectConfig) -> int:
    """The report as a Word document: build its pages (no PDF), then pandoc with the campus reference styles."""
    from macros.export.docx import WordExportError, html_to_docx, word_ready_html
    from macros.pdf.settings import load_pdf_settings
    from macros.privacy.media import media_cache_dir
    from macros.site import ONLY_REPORT

    if args.katalog:
        from macros.archive.export_cli import export_catalogue
        return export_catalogue(project, args.output or Path.cwd())
    if not args.docx or not args.slug:
        raise UsageError("pilih --docx <slug> (laporan sebagai Word) atau --katalog (katalog arsip)")
    # `cases/ln-hikari-2024/` or `ln-hikari-2024/` (tab completion) name the same report as `ln-hikari-2024`.
    args.slug = Path(args.slug.rstrip("/\\")).name or args.slug
    if not (project.cases_dir / args.slug / CASE_FILE).is_file():
        raise UsageError(f"laporan `{args.slug}` tidak ditemukan di {display_path(project.cases_dir, project.root)}/")
    target = (args.output or Path.cwd() / f"{args.slug}.docx").resolve()
    with tempfile.TemporaryDirectory() as work:
        html_dir = Path(work) / "html"
        html_dir.mkdir()
        # Only this report is built: a classmate's half-written report in cases/ cannot stop its export.
        code = _mkdocs("build", "--strict", "--site-dir", str(Path(work) / "site"), project=project, profile=args.profile,
                       CASEBOOK_PDF="0", CASEBOOK_EXPORT_HTML=str(html_dir), **{ONLY_REPORT: args.slug})
        if code != 0:
            return EXIT_DATA
        front = (html_dir / f"{args.slug}.front.html").read_text(encoding="utf-8")
        body = (html_dir / f"{args.slug}.body.html").read_text(encoding="utf-8")
        settings = load_pdf_settings(casebook_settings_of(project.root), project.root / "mkdocs.yml")
        loaded = load_case(project.cases_dir / args.slug, vocabulary=project.vocabulary, root=project.root).loaded
        profile = settings.profile_for(loaded.case) if loaded else settings.print_profile  # the report's campus profile
        # Images come from the report's cleaned media (upright, no metadata), never from its raw folder.
        notes: list[str] = []
        try:
            html_to_docx(word_ready_html(front, body), target, profile,
                         [media_cache_dir(project.root, args.slug), Path(work) / "site"], notes)
        except WordExportError as exc:  # pandoc's or the system's failure, said in Indonesian (macros/export/docx.py)
            print(f"casebook: {exc}", file=sys.stderr)
            return EXIT_DATA
    leaks = _docx_leaks(target, project, args.slug)
    if leaks:
        target.unlink(missing_ok=True)
        print("casebook: dokumen Word memuat data pribadi atau pola identitas (berkas tidak ditulis):\n"
              + "\n".join(sorted({leak.format() for leak in leaks})), file=sys.stderr)
        return EXIT_DATA
    print(f"Dokumen Word ditulis ke {display_path(target, project.root)}")
    for note in notes:
        print(f"Catatan: {note}.")
    return EXIT_OK


def _docx_leaks(target: Path, project: ProjectConfig, slug: str) -> list:
    """The Word file passes the same gate as the site: its text, headers, comments, metadata and images."""
    from macros.privacy.gate import report_guard, scan_docx

    result = load_case(project.cases_dir / slug, vocabulary=project.vocabulary, root=project.root)
    guard = report_guard(result.loaded, project.root) if result.loaded else None
    if guard is None:
        return []
    return scan_docx(target, guard)


def cmd_synth(args: argparse.Namespace, project: ProjectConfig) -> int:
    """Synthetic reports for testing and benchmarking; only folders synth made are ever replaced."""
    from macros.synth import MANIFEST_FILE, SynthError, generate

    target = args.keluaran or project.cases_dir
    started = time.perf_counter()
    try:
        slugs = generate(target, args.n, args.seed)
    except SynthError as exc:
        raise UsageError(str(exc)) from None
    elapsed = time.perf_counter() - started
    shown = display_path(target, project.root)
    print(f"{len(slugs)} laporan sintetis (seed {args.seed}) ditulis ke {shown}/ dalam {elapsed:.2f} detik.")
    print(f"Daftar laporan, facet dan kata uji pencarian: {shown}/{MANIFEST_FILE}")
    print(f"Periksa dengan `casebook check {shown}`.")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace, project: ProjectConfig) -> int:
    """MkDocs' live preview through macros/serve.py: a busy port or a failing rebuild never stops it."""
    if args.port is None:  # mkdocs.yml's dev_addr, the port `check` links to
        from macros.project import preview_port
        args.port = preview_port(project.root)
    if not 0 < args.port < 65536:
        raise UsageError(f"port {args.port} tidak valid: pilih angka 1024 sampai 65535, misalnya --port 8100")
    try:
        return _mkdocs("--port", str(args.port), "--watch", str(project.cases_dir), project=project, module="macros.serve")
    except KeyboardInterrupt:  # Ctrl+C stops the preview: no traceback
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
