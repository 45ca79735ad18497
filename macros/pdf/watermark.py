"""The diagonal "DRAF" mark on every page of a report that is not approved yet.

The word is drawn as outlines (Liberation Sans Bold glyphs, taken once from the font with
fontTools), not as text: it never mixes into the PDF's text, search or copy-paste, and
needs no font at build time. It is a light grey page background, so it prints behind
the content on every page of both the front matter and the body.
"""

from __future__ import annotations

import base64

# "DRAF" in font units (2048 per em), baseline at y=0, glyphs flipped to SVG's downward y.
DRAF_WIDTH = 5688
DRAF_PATH = "M1393 -715Q1393 -497 1307.5 -334.5Q1222 -172 1065.5 -86.0Q909 0 707 0H137V-1409H647Q1003 -1409 1198.0 -1229.5Q1393 -1050 1393 -715ZM1096 -715Q1096 -942 978.0 -1061.5Q860 -1181 641 -1181H432V-228H682Q872 -228 984.0 -359.0Q1096 -490 1096 -715ZM2584 0 2257 -535H1911V0H1616V-1409H2320Q2572 -1409 2709.0 -1300.5Q2846 -1192 2846 -989Q2846 -841 2762.0 -733.5Q2678 -626 2535 -592L2916 0ZM2549 -977Q2549 -1180 2289 -1180H1911V-764H2297Q2421 -764 2485.0 -820.0Q2549 -876 2549 -977ZM4091 0 3966 -360H3429L3304 0H3009L3523 -1409H3871L4383 0ZM3697 -1192 3691 -1170Q3681 -1134 3667.0 -1088.0Q3653 -1042 3495 -582H3900L3761 -987L3718 -1123ZM4869 -1181V-745H5590V-517H4869V0H4574V-1409H5613V-1181Z"


def watermark_svg() -> str:
    """The word turned 40 degrees about its centre, in a box that holds the turned word."""
    cx, cy = DRAF_WIDTH / 2, -800
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{cx - 2800:.0f} {cy - 2550:.0f} 5600 5100">'
            f'<g transform="rotate(-40 {cx:.0f} {cy})"><path d="{DRAF_PATH}" fill="#000" fill-opacity="0.09"/></g></svg>')


def watermark_css() -> str:
    """An @page background, centred on each page."""
    svg = watermark_svg()
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (f'@page {{ background: url("data:image/svg+xml;base64,{data}") no-repeat center; '
            f"background-size: 85% auto; }}\n")
