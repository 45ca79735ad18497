"""Strip hidden metadata from photos before they are published.

A phone photo carries EXIF: GPS position (the client's home), date and time, device
owner. JPEG and PNG are cleaned losslessly by dropping their metadata segments/chunks;
the pixels are not re-encoded. Other files are published as they are.
"""

from __future__ import annotations

import struct

# JPEG segments that carry metadata rather than image data: APP1 (EXIF/XMP), APP2 (FlashPix/ICC is kept: colour),
# APP12, APP13 (IPTC/Photoshop), APP14 is kept (Adobe colour transform), COM (comments).
_JPEG_DROP = {0xE1, 0xEC, 0xED, 0xFE}
_PNG_DROP = {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"}


def strip_jpeg(data: bytes) -> bytes:
    if not data.startswith(b"\xff\xd8"):
        raise ValueError("bukan berkas JPEG")
    out, pos = bytearray(b"\xff\xd8"), 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            raise ValueError("berkas JPEG rusak")
        marker = data[pos + 1]
        if marker == 0xDA:  # start of scan: the compressed image follows to the end
            out += data[pos:]
            return bytes(out)
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        segment = data[pos:pos + 2 + length]
        if marker not in _JPEG_DROP:
            out += segment
        pos += 2 + length
    raise ValueError("berkas JPEG terpotong")


def strip_png(data: bytes) -> bytes:
    signature = b"\x89PNG\r\n\x1a\n"
    if not data.startswith(signature):
        raise ValueError("bukan berkas PNG")
    out, pos = bytearray(signature), len(signature)
    while pos + 8 <= len(data):
        length = struct.unpack(">I", data[pos:pos + 4])[0]
        kind = data[pos + 4:pos + 8]
        chunk = data[pos:pos + 12 + length]
        if kind not in _PNG_DROP:
            out += chunk
        pos += 12 + length
        if kind == b"IEND":
            return bytes(out)
    raise ValueError("berkas PNG terpotong")


def strip_metadata(name: str, data: bytes) -> bytes:
    """The file's bytes without metadata, for the kinds we know; others unchanged."""
    lower = name.lower()
    if lower.endswith((".jpg", ".jpeg")):
        return strip_jpeg(data)
    if lower.endswith(".png"):
        return strip_png(data)
    return data
