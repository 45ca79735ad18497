"""The Word export hands pandoc each picture by the platform's own path: on Windows `C:\\...`, never
`/C:/...` (which pandoc cannot open), and a folder with a space works everywhere."""

from __future__ import annotations

import nturl2path

import pytest

from macros.export import docx


@pytest.mark.parametrize(("uri", "posix", "windows"), [
    ("file:///tmp/laporan/media/foto.png", "/tmp/laporan/media/foto.png", None),
    ("file:///home/dewi/Laporan%20Praktikum/media/foto%201.png", "/home/dewi/Laporan Praktikum/media/foto 1.png", None),
    ("file:///C:/Users/Dewi/Laporan%20Praktikum/media/foto.png", None, r"C:\Users\Dewi\Laporan Praktikum\media\foto.png"),
])
def test_pictures_reach_pandoc_by_the_platforms_path(monkeypatch, uri, posix, windows):
    page = f'<body><img src="{uri}"></body>'
    if windows:
        monkeypatch.setattr(docx, "url2pathname", nturl2path.url2pathname)
    html = docx.word_ready_html(page, "<body></body>")
    assert f'src="{windows or posix}"' in html and "file:" not in html
