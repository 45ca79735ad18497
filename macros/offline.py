"""A copy of the built site that works opened from disk (`file://`), for a USB stick or a zip.

Browsers treat `file://` differently from a web server: a link to a folder (`kasus/x/`) opens a
directory listing instead of its `index.html`, and Chromium refuses `fetch()` and Web Workers, so
the search (a worker reading JSON files, macros/search/) cannot load. `make_offline` turns a built
site into one that needs neither:

- every relative link to a folder points at the folder's `index.html`;
- every JSON file of the search index becomes a script handing its data to the page
  (`CasebookSearch.deliver`), and Material's own index becomes `search/search_index.js`, which
  Material loads by itself on `file://`;
- each page loads `offline.js` (overrides/assets/, published with every site) before Material's bundle: it answers the search box in the page
  instead of a worker (same messages as overrides/assets/javascripts/casebook/search-worker.js).

The same idea as mkdocs-material's `offline` plugin (which does the first two for stock search),
done after the build so the published site keeps its clean URLs and its worker.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

SEARCH_DIR = Path("search") / "casebook"

_LINK = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_BUNDLE = re.compile(r'<script src="([^"]*?)assets/javascripts/bundle\.[0-9a-f]+\.min\.js"></script>')


def file_link(url: str) -> str:
    """`kasus/x/#bab` -> `kasus/x/index.html#bab`; other links unchanged."""
    if not url or url.startswith(("#", "/", "?")) or _SCHEME.match(url):
        return url
    cut = min((i for i in (url.find("?"), url.find("#")) if i >= 0), default=len(url))
    path, rest = url[:cut], url[cut:]
    if path.endswith("/"):
        path += "index.html"
    elif path in (".", "..") or path.endswith(("/.", "/..")):
        path += "/index.html"
    else:
        return url
    return path + rest


def _write(path: Path, text: str) -> None:
    """Write beside and rename: files of the site may be hard links shared with a cache."""
    temporary = path.with_name(f".{path.name}.luring")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def _page(html: str) -> str:
    html = _LINK.sub(lambda m: m.group(1) + file_link(m.group(2)) + m.group(3), html)
    bundle = _BUNDLE.search(html)
    if bundle:  # before Material's bundle: it creates the search worker as it starts
        script = f'<script src="{bundle.group(1)}assets/javascripts/casebook/offline.js"></script>'
        html = html[:bundle.start()] + script + html[bundle.start():]
    return html


def make_offline(site: Path) -> None:
    for path in site.rglob("*.html"):
        _write(path, _page(path.read_text(encoding="utf-8")))
    index = site / SEARCH_DIR
    for path in sorted(index.rglob("*.json")) if index.is_dir() else []:
        name = path.relative_to(index).as_posix()
        data = path.read_text(encoding="utf-8")
        _write(path.with_suffix(".js"), f"CasebookSearch.deliver({json.dumps(name)},{data});\n")
        path.unlink()
    material = site / "search" / "search_index.json"
    if material.is_file():
        _write(material.with_suffix(".js"), f"var __index = {material.read_text(encoding='utf-8')};\n")
        material.unlink()


def folder_size(folder: Path) -> int:
    return sum(os.path.getsize(os.path.join(d, name)) for d, _, names in os.walk(folder) for name in names)


def human_size(size: int) -> str:
    return f"{size / 1e6:.1f} MB".replace(".", ",") if size >= 1e5 else f"{size / 1e3:.0f} kB"
