"""One sanitiser for everything a student controls that reaches a page as markup.

A student's folder is untrusted input. Data from kasus.yml is escaped where it is rendered;
still, every report page (its prose, captions, alt texts, diagrams, the raw HTML a student
typed into a chapter page and the Markdown links in it) passes through `sanitize` after
rendering, and page titles and front matter go through `plain_text`. SVG files from
`media/` go through `sanitize_svg_file`.

The work is done by nh3, the Python binding of ammonia (Rust; html5ever parses exactly as a
browser does, so malformed "attribute soup" and parser differentials cannot smuggle a live
handler through; maintained and fuzzed). Casebook only states the allow-list: the HTML of
its tables, figures, captions, Material's heading anchors and admonitions, and the SVG
elements its diagrams draw. Nothing executable is on it: no script/style/iframe/form/
object, no `on*` attribute, no SVG `animate`/`set`/`use`/`image`/`foreignObject`, no URL
schemes but http(s)/mailto (and relative URLs), no CSS but alignment and emphasis (nothing
can be positioned over the page), no Material `md-*` classes (their CSS positions things),
no ids Material uses for its own widgets.

After cleaning, URLs are confined (`confine_urls`): an image must come from the report's own
folder (or the site's shipped assets), so one student's page cannot show another report's
(possibly withheld) photo in the site, its PDF or its Word file.
"""

from __future__ import annotations

import bisect
import html
import posixpath
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

import nh3

_HTML_TAGS = {
    "a", "abbr", "article", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details",
    "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "section", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "var", "wbr",
}
# What macros/render/diagrams draws (and what a plain vector photo needs). Deliberately absent:
# animate, animateMotion, animateTransform, set (they can turn an href into javascript:), use,
# image, foreignObject, script, style, a (inside SVG), feImage, pattern/marker/mask (url() references).
_SVG_TAGS = {"svg", "g", "title", "desc", "rect", "circle", "ellipse", "line", "polyline", "polygon", "path", "text",
             "tspan"}
TAGS = frozenset(_HTML_TAGS | _SVG_TAGS)
# Removed with their content (everything else not allowed loses its tags but keeps its text).
CLEAN_CONTENT_TAGS = frozenset({"script", "style", "noscript", "template", "textarea", "iframe", "object", "embed",
                                "xmp", "noembed", "noframes", "plaintext", "select", "option", "button", "math"})

_SVG_PRESENTATION = {
    "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "width", "height", "d", "points", "dx", "dy",
    "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-dasharray", "stroke-dashoffset",
    "stroke-linecap", "stroke-linejoin", "stroke-opacity", "opacity", "transform", "font-family", "font-size",
    "font-weight", "font-style", "text-anchor", "dominant-baseline", "text-decoration", "letter-spacing",
}
_COMMON = {"class", "id", "title", "lang", "dir", "role", "aria-label", "aria-labelledby", "aria-describedby",
           "aria-hidden", "style"}
ATTRIBUTES: dict[str, set[str]] = {
    "*": _COMMON,
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "scope", "align"},
    "col": {"span"}, "colgroup": {"span"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "details": {"open"},
    "svg": {"xmlns", "viewBox", "preserveAspectRatio"} | _SVG_PRESENTATION,
    **{tag: set(_SVG_PRESENTATION) for tag in _SVG_TAGS - {"svg", "title", "desc"}},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# CSS a student may use inline: alignment and emphasis. No position, size, margin, z-index, transform,
# background or display: nothing can be laid over the page or hide the real content.
STYLE_PROPERTIES = frozenset({"text-align", "font-weight", "font-style", "text-decoration", "vertical-align"})

_CLASS_TOKEN = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")
# Material's widgets (md-*) and Casebook's own banner are positioned by CSS, and the print stylesheet gives the
# cover, approval page and chapter titles their place (`.sampul-kampus` is absolutely positioned): a page may
# borrow none of them (no fake cover, approval signatures or banner in the site or the PDF).
_RESERVED_CLASS = re.compile(r"^(md-|casebook-galat|casebook-unduh|bagian-|sampul|pengesahan|judul-bab|nomor-bab|nama-bab|"
                             r"daftar-isi|daftar-penulis|depan$|logo-kampus|tanda-tangan|ruang-tanda-tangan|jabatan-pejabat|"
                             r"nama-pejabat|nrp-penulis|terima-kasih|tingkat-)")
# Casebook's own classes a report page may carry: the ones its page macros print (tests/test_internal_markers.py
# reads them off the renderers' source, so a new one cannot be forgotten here). Any other `casebook-*` class is the
# site's or the print stylesheet's (`casebook-status-laporan`, the approval banner; `casebook-kartu--berikut`, hidden
# on the site; `casebook-ringkasan-kartu`, hidden in the PDF): a page borrowing one could fake the approval status or
# make its site and its PDF say different things (red team s23 #13, #14).
PAGE_CLASSES = frozenset("""anggota asesmen-singkat aspek capaian caption catatan-gambar daftar daftar-isi data
    data-gambar diagram ecomap evaluasi foto foto-ditahan galeri gambar gas genogram hadir hadir-peserta identitas
    jumlah kalender-musim kartu katalog kelengkapan keterangan komposisi kuadran kuadran-gambar label legenda linimasa
    log-sesi pemangku per-rw peringkat peta pindaian pohon-masalah potensi program pustaka rab ref ref-prosa
    rekomendasi rencana rencana-aksi ringkasan status sumber supervisi tabel tas transek venn wawancara""".split())
_PAGE_CLASS_PATTERN = re.compile(r"^casebook-(?:caption-(?:tabel|gambar|lampiran)|min-\d{1,5})$")


def reserved_class(token: str) -> bool:
    """A class a report page may not carry (Material's widgets, Casebook's site and print parts)."""
    if _RESERVED_CLASS.match(token):
        return True
    return token.startswith("casebook-") and token[len("casebook-"):] not in PAGE_CLASSES \
        and not _PAGE_CLASS_PATTERN.match(token)


_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_:.-]{0,511}$")


# Numbers that size the layout, as a browser clamps them (colspan <= 1000) but tighter: WeasyPrint does not clamp
# colspan or <col span> and lays a table out in time quadratic in its columns, so one `colspan="10000000"` held the
# campus build's PDF stage for good and pandoc's Word export ate 4 GB (red team s23 #7). A report's table needs
# a few dozen columns; an image or inline drawing a few thousand pixels.
LAYOUT_NUMBERS = {"colspan": (1, 100), "span": (1, 100), "rowspan": (0, 1000), "width": (0, 5000), "height": (0, 5000),
                  "start": (-10_000, 10_000), "value": (-10_000, 10_000)}
_LEADING_NUMBER = re.compile(r"\s*([+-]?\d+(?:\.\d+)?)")


def _layout_number(attribute: str, value: str, element: str) -> str | None:
    """`value` when within the attribute's bounds (as written), else the nearest bound; None when it is no number."""
    if attribute in ("width", "height") and element not in ("img", "svg", "col", "colgroup", "td", "th", "table"):
        return value  # an SVG shape's own size is drawn inside its picture's viewBox
    low, high = LAYOUT_NUMBERS[attribute]
    match = _LEADING_NUMBER.match(value)  # as a browser reads it: the leading number, the rest ignored
    if match is None:
        return None
    number = float(match.group(1))
    if attribute in ("width", "height") and value.strip().endswith("%"):
        return value if number <= 100 else "100%"
    return value if low <= number <= high else str(int(min(high, max(low, number))))


def _attribute_filter(element: str, attribute: str, value: str) -> str | None:
    if attribute in LAYOUT_NUMBERS:
        return _layout_number(attribute, value, element)
    if attribute.startswith("data-md") or attribute.startswith("data-casebook"):
        return None  # Material's script binds its widgets to data-md-*; Casebook's own to data-casebook-*
    if attribute.startswith("data-") and attribute.lower() in CASEBOOK_DATA_ATTRIBUTES:
        return None  # read by Casebook's stylesheets or scripts (red team s23 #13)
    if attribute == "class":
        tokens = [t for t in value.split() if _CLASS_TOKEN.match(t) and not reserved_class(t)]
        return " ".join(tokens) or None
    if attribute == "id" or attribute.startswith("aria-") and attribute.endswith("by"):
        # Ids Material's script looks up (__drawer, __search, __config, ...) start with "_": a page may not clobber them.
        kept = [t for t in value.split() if _ID.match(t)]
        return " ".join(kept) or None
    if attribute in ("href", "src"):
        return value if _safe_url(value) else None
    return value


def _safe_url(value: str) -> bool:
    """ammonia already refuses unknown schemes; protocol-relative URLs (//host) and backslash tricks too."""
    stripped = re.sub(r"[\t\n\r]", "", value.lstrip("".join(map(chr, range(0x21)))))  # as a browser reads a URL
    return not stripped.startswith(("//", "\\\\", "/\\", "\\/"))


_CLEANER = nh3.Cleaner(tags=set(TAGS), clean_content_tags=set(CLEAN_CONTENT_TAGS), attributes=ATTRIBUTES,
                       attribute_filter=_attribute_filter, strip_comments=True, link_rel=None,
                       generic_attribute_prefixes={"data-"}, url_schemes=set(URL_SCHEMES), filter_style_properties=set(STYLE_PROPERTIES))


def sanitize(page_html: str, page_url: str | None = None, own_folder: str | None = None) -> str:
    """The page's HTML with only Casebook's allow-listed markup; with `page_url` and `own_folder`
    (e.g. `kasus/<slug>/`), images also only from that folder and links not into other reports."""
    clean = _SVG_OPEN.sub(_sized_svg, _CLEANER.clean(page_html))
    if page_url is not None and own_folder is not None:
        clean = confine_urls(clean, page_url, own_folder)
    return clean


_MARKUP_CHARACTERS = str.maketrans({"<": "‹", ">": "›", '"': "”", "'": "’", "`": "‘"})


_SVG_OPEN = re.compile(r"<svg\b([^>]*)>")


def _sized_svg(match: re.Match) -> str:
    """An inline <svg> with no size at all gets the size a browser gives it (300×150): the print and Word
    converters (WeasyPrint, rsvg-convert) cannot draw a picture that has none."""
    attrs = match.group(1)
    if re.search(r'\s(?:viewBox|width|height)="', attrs):
        return match.group(0)
    return f'<svg{attrs} width="300" height="150">'


def plain_text(value: object) -> str:
    """Text a template prints unescaped (page titles, front matter), in any context: element text, an
    attribute, or `<title>` after the theme's `striptags` (which un-escapes entities). Markup characters
    become their typographic look-alikes, so no escaping can be undone; `&` is escaped."""
    text = html.unescape(str(value)).translate(_MARKUP_CHARACTERS)
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]", "", text).replace("&", "&amp;")


# Shipped with the site (docs/aset, Material's assets): a page may show these images.
SHIPPED_ASSETS = ("aset/", "assets/", "stylesheets/")
REPORTS_SECTION = "kasus/"
_URL_ATTRIBUTE = re.compile(r'(<(?P<tag>[a-zA-Z][a-zA-Z0-9]*)\b[^>]*?\s)(?P<name>src|href)="(?P<url>[^"]*)"')


_C0_AND_SPACE = "".join(map(chr, range(0x21)))


def _as_browser_reads(url: str) -> str:
    """The URL text as a browser parses it: entities decoded, C0 controls and spaces trimmed at the ends,
    tabs and newlines removed anywhere, backslashes read as slashes."""
    return re.sub(r"[\t\n\r]", "", html.unescape(url)).strip(_C0_AND_SPACE).replace("\\", "/")


def resolve_site_path(url: str, page_url: str) -> str | None:
    """Where a relative or root-relative URL on page `page_url` points, as a site path without a leading
    slash (`kasus/s/media/x.jpg`); None for URLs with a scheme or host.

    Percent-escapes are decoded before resolving: browsers treat `%2e%2e` as `..`, and decoding `%2f` too
    only makes the confinement stricter (such a name is refused, never let out)."""
    parts = urlsplit(_as_browser_reads(url))
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    base = "/" if path.startswith("/") else posixpath.dirname("/" + page_url)
    resolved = posixpath.normpath(posixpath.join(base, path))
    if resolved.startswith("//"):
        return None
    if path.endswith("/") and not resolved.endswith("/"):
        resolved += "/"
    return resolved.lstrip("/")


def _relative_url(path: str, page_url: str, parts) -> str:
    """The canonical relative URL of site path `path` from `page_url` (no `..` inside, nothing encoded
    that a later rewrite, such as the offline copy's, could read differently)."""
    base = posixpath.dirname("/" + page_url)
    relative = posixpath.relpath("/" + path.rstrip("/"), base) if path.rstrip("/") else posixpath.relpath("/", base)
    if path.endswith("/"):
        relative += "/"
    url = quote(relative, safe="/-_.~!$'()*+,;=:@")
    if parts.query:
        url += "?" + parts.query
    if parts.fragment:
        url += "#" + parts.fragment
    return url


def _inside(path: str, folder: str) -> bool:
    folder = folder if folder.endswith("/") else folder + "/"
    return path == folder.rstrip("/") or path.startswith(folder)


def confine_urls(clean_html: str, page_url: str, own_folder: str) -> str:
    """Images only from the report's own media/ folder or the shipped assets; links never into another
    report's folder. Every relative URL kept is rewritten to its canonical form. Works on nh3's output,
    where every attribute is double-quoted."""
    own_folder = own_folder if own_folder.endswith("/") else own_folder + "/"

    def confine(match: re.Match) -> str:
        url, name, tag = match.group("url"), match.group("name"), match.group("tag").lower()
        raw = _as_browser_reads(url)
        if raw.startswith("#") or raw == "":
            return match.group(0)
        parts = urlsplit(raw)
        if parts.scheme:
            # External images would track readers and are refused by the PDF anyway; links may go out.
            return match.group(0) if name == "href" and tag == "a" else match.group(1)[:-1]
        if not parts.path and not parts.netloc:
            return match.group(0)  # `?x` or `#x`: this very page
        path = resolve_site_path(raw, page_url)
        if name == "src":
            allowed = path is not None and (_inside(path, own_folder + "media/") or path.startswith(SHIPPED_ASSETS))
        else:
            allowed = path is not None and (_inside(path, own_folder)
                                            or not path.startswith((REPORTS_SECTION, "cases/", "kasus", "cases")))
        if not allowed:
            return match.group(1)[:-1]
        return f'{match.group(1)}{name}="{html.escape(_relative_url(path, page_url, parts), quote=True)}"'

    return _URL_ATTRIBUTE.sub(confine, clean_html)


class UnsafeSvg(ValueError):
    """An SVG file that cannot be published even after cleaning (not SVG, or not well-formed)."""


def sanitize_svg_file(data: bytes) -> bytes:
    """An SVG photo from media/, cleaned with the same allow-list and written back as well-formed XML.

    Opened directly (not through <img>), an SVG is a document that runs its scripts: it is never
    published as the student wrote it."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnsafeSvg("berkas SVG bukan teks UTF-8") from None
    text = re.sub(r"<\?xml[^>]*\?>|<!DOCTYPE[^>[]*(\[[^\]]*\])?\s*>", "", text, flags=re.I)
    clean = nh3.clean(text, tags=set(_SVG_TAGS), clean_content_tags=set(CLEAN_CONTENT_TAGS),
                      attributes={k: v for k, v in ATTRIBUTES.items() if k in _SVG_TAGS or k == "*"},
                      attribute_filter=_svg_attribute_filter, strip_comments=True, link_rel=None,
                      url_schemes=set(), filter_style_properties=set(STYLE_PROPERTIES)).strip()
    # html5ever writes the HTML entity for U+00A0; XML knows only the numeric one.
    clean = clean.replace("&nbsp;", "&#160;")
    if not clean.startswith("<svg"):
        raise UnsafeSvg("berkas tidak berisi gambar SVG")
    try:
        root = ElementTree.fromstring(clean)
    except ElementTree.ParseError as exc:
        raise UnsafeSvg(f"berkas SVG tidak dapat dibaca ({exc})") from None
    if _depth(root) > MAX_SVG_DEPTH:
        raise UnsafeSvg(f"berkas SVG bersarang lebih dari {MAX_SVG_DEPTH} tingkat (PDF dan Word tidak dapat menggambarnya)")
    if root.tag != "{http://www.w3.org/2000/svg}svg":
        clean = clean.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"', 1)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + clean + "\n").encode("utf-8")


MAX_SVG_DEPTH = 100  # a drawing nests groups a few levels deep; rsvg-convert gives up far below 20,000


def _depth(root) -> int:
    deepest, stack = 0, [(root, 1)]
    while stack:
        element, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in element)
    return deepest


def _svg_attribute_filter(element: str, attribute: str, value: str) -> str | None:
    if attribute in ("id", "class", "aria-labelledby", "aria-describedby"):
        return _attribute_filter(element, attribute, value)
    return value


# --- Casebook's own display and structure classes, kept from what a student writes (red team s23 #13) -------------
#
# The stylesheets give Casebook's classes their meaning, and some of it differs between the site and the PDF on
# purpose (`casebook-kartu--berikut` is hidden on the site, `casebook-ringkasan-kartu` and `headerlink` in print; the
# approval page's `nama`/`nip`/`ruang` rows have their own print layout). A class a student writes on their own HTML
# (a tag, an attr_list `{: .x }`, an admonition's type) could borrow that meaning and make the site and the PDF say
# different things, or dress text as Casebook's own parts. So every class any of Casebook's stylesheets names is
# reserved for Casebook's markup: the page macros' output and what Markdown itself makes (`!!! warning`). Any other
# class (`class="penting"`) is harmless and stays. The build strips; `casebook check` warns at the line.

_PACKAGE_ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]
# Where Casebook's stylesheets live (relative to the project/package root): the site theme overrides, the site's
# extra_css, the print stylesheet.
STYLESHEET_FOLDERS = ("overrides", "docs/stylesheets", "docs/aset", "macros/pdf")
# Admonition types Material and print.css style (`!!! warning`): a student's Markdown may name these.
ADMONITION_TYPES = frozenset("""note abstract summary tldr info todo tip hint important success check done question help
    faq warning caution attention failure fail missing danger error bug example quote cite""".split())
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CSS_BLOCK = re.compile(r"\{[^{}]*\}")
_CSS_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")


def stylesheet_classes(root=None) -> frozenset[str]:
    """Every class a selector of Casebook's stylesheets names (declarations and comments left out)."""
    root = _PACKAGE_ROOT if root is None else root
    found: set[str] = set()
    for folder in STYLESHEET_FOLDERS:
        base = root / folder
        if not base.is_dir():
            continue
        for sheet in sorted(base.rglob("*.css")):
            text = _CSS_COMMENT.sub("", sheet.read_text(encoding="utf-8", errors="replace"))
            while True:  # innermost blocks first: @media { a { } } leaves only selectors
                reduced = _CSS_BLOCK.sub(";", text)
                if reduced == text:
                    break
                text = reduced
            found.update(_CSS_CLASS.findall(text))
    return frozenset(found)


STYLESHEET_CLASSES = stylesheet_classes() | {"headerlink"}


def casebook_data_attributes(root=None) -> frozenset[str]:
    """`data-*` attributes Casebook's stylesheets and scripts give a meaning: print.css prints `data-lanjutan` as the
    running "Lanjutan Tabel" header and keeps `table[data-utuh]` whole, the archive script reads `data-judul`,
    `data-slug`, ... A student's page may carry none of them (its PDF would print text its site does not show)."""
    root = _PACKAGE_ROOT if root is None else root
    found: set[str] = set()
    for folder in (*STYLESHEET_FOLDERS, "docs/aset"):
        base = root / folder
        if not base.is_dir():
            continue
        for source in sorted([*base.rglob("*.css"), *base.rglob("*.js"), *base.rglob("*.html")]):
            text = source.read_text(encoding="utf-8", errors="replace")
            found.update(name.lower() for name in re.findall(r"\bdata-[a-z][a-z0-9-]*", text, re.I))
            found.update("data-" + re.sub(r"([A-Z])", lambda m: "-" + m.group(1).lower(), name)
                         for name in re.findall(r"\bdataset\.([A-Za-z][A-Za-z0-9]*)", text))
    return frozenset(found)


CASEBOOK_DATA_ATTRIBUTES = casebook_data_attributes()


def casebook_class(token: str) -> bool:
    """A class reserved for Casebook's own markup on a report page (never on what a student writes)."""
    token = token.strip()
    return (token.lower() in STYLESHEET_CLASSES or token in STYLESHEET_CLASSES or reserved_class(token.lower())
            or token.lower().startswith(("casebook", "md-", "headerlink")))


# A class attribute (inside a tag: the nearest `<` before it opens the tag), an attr_list block, an admonition or
# details line. Each pattern is linear in the page: no nested repetition that could backtrack (a page of 100,000
# `<a` must not stall the build).
_CLASS_ATTRIBUTE = re.compile(r"""(?<=[\s"'/])class[ \t\r\n]*=[ \t\r\n]*("[^"]*"|'[^']*'|[^\s"'>]+)""", re.I)
_TAG_WINDOW = 4096  # how far back the `<` of a class attribute's tag is looked for
_ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*)\}")
_ATTR_LIST_CLASS = re.compile(r"""(?<![^\s{:])\.([^\s{}.#=]+)|(\bclass[ \t]*=[ \t]*)("[^"]*"|'[^']*'|[^\s}]+)""", re.I)
_ADMONITION = re.compile(r"^([ \t]*(?:!!!|\?\?\?\+?)[ \t]+)([^\"\n]*)", re.M)


@dataclass(frozen=True)
class StrippedClass:
    """A reserved class taken off a student's markup: where (offset in the text) and which."""

    offset: int
    name: str


def _within_span(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    index = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= start and end <= spans[index][1]


def strip_casebook_classes(text: str, casebook_spans: list[tuple[int, int]] = ()) -> tuple[str, list[StrippedClass]]:
    """`text` (a rendered page's Markdown) with Casebook's classes removed from everything the student wrote.

    `casebook_spans` are (start, end) offsets of the page macros' output: markup wholly inside one of them is
    Casebook's and kept as is. A tag or attribute list that a macro's output only partly makes (a class name printed
    by `isi()` into the student's own tag) is the student's."""
    spans = sorted(casebook_spans)
    stripped: list[StrippedClass] = []

    def tokens_kept(value: str, offset: int) -> list[str]:
        kept = []
        for token in html.unescape(value).split():
            if casebook_class(token):
                stripped.append(StrippedClass(offset, token))
            else:
                kept.append(token)
        return kept

    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in `text`; never overlapping
    for match in _CLASS_ATTRIBUTE.finditer(text):
        opened = text.rfind("<", max(0, match.start() - _TAG_WINDOW), match.start())
        if opened >= 0 and _within_span(spans, opened, match.end()):
            continue  # a tag the page macros wrote, whole
        value = match.group(1)
        kept = tokens_kept(value[1:-1] if value[:1] in "\"'" else value, match.start())
        if len(kept) != len(html.unescape(value.strip("\"'")).split()):
            edits.append((match.start(), match.end(), f'class="{html.escape(" ".join(kept))}"' if kept else ""))
    attributes = [(start, end) for start, end, _ in edits] + [m.span() for m in _CLASS_ATTRIBUTE.finditer(text)]
    attributes.sort()

    def in_attribute(position: int) -> bool:
        index = bisect.bisect_right(attributes, (position, float("inf"))) - 1
        return index >= 0 and attributes[index][0] <= position < attributes[index][1]

    for match in _ATTR_LIST.finditer(text):
        if _within_span(spans, match.start(), match.end()):
            continue
        for token in _ATTR_LIST_CLASS.finditer(text, match.start(1), match.end(1)):
            if token.group(1) is not None and not in_attribute(token.start()) and casebook_class(token.group(1)):
                stripped.append(StrippedClass(token.start(), token.group(1)))
                edits.append((token.start(), token.end(), ""))
    for match in _ADMONITION.finditer(text):
        if _within_span(spans, match.start(), match.end()):
            continue
        words = list(re.finditer(r"\S+", match.group(2)))
        refused = [w for w in words if w.group(0).lower() not in ADMONITION_TYPES and casebook_class(w.group(0))
                   and not in_attribute(match.start(2) + w.start())]
        for word in refused:
            stripped.append(StrippedClass(match.start(2) + word.start(), word.group(0)))
            # The first word is the box's type: a refused one becomes a plain note; any other is dropped.
            edits.append((match.start(2) + word.start(), match.start(2) + word.end(),
                          "note" if word is words[0] else ""))
    if not edits:
        return text, stripped
    parts, at = [], 0
    for start, end, replacement in sorted(edits):
        parts += [text[at:start], replacement]
        at = end
    text = "".join(parts) + text[at:]
    return text, stripped
