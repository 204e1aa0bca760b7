"""Hostile files built in memory for the bad-input tests (issue 9): bombs, entity loops, encryption.

Pure builders, no assertions; each returns the file's bytes.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from docx import Document


def docx(text: str = "Integrated planning note.") -> bytes:
    d = Document()
    d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def docx_bomb(inflated_mb: int = 300) -> bytes:
    """A valid .docx plus one part of zeros that inflates to ``inflated_mb`` MB (about 1,000:1)."""
    buf = io.BytesIO(docx())
    with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as z, z.open("word/media/padding.bin", "w", force_zip64=True) as part:
        block = b"\0" * (1024 * 1024)
        for _ in range(inflated_mb):
            part.write(block)
    return buf.getvalue()


LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode() for i in range(1, 10))
          + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
          + b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>")


def docx_billion_laughs() -> bytes:
    """A .docx whose document.xml declares the billion-laughs entity chain."""
    source = zipfile.ZipFile(io.BytesIO(docx()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for item in source.infolist():
            z.writestr(item, LAUGHS if item.filename == "word/document.xml" else source.read(item))
    return buf.getvalue()


def _pdf_with_content(content: bytes, filtered: bool) -> bytes:
    stream = zlib.compress(content, 9) if filtered else content
    filt = b"/Filter /FlateDecode " if filtered else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< " + filt + b"/Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def pdf(text: str = "Integrated planning requires a shared analysis of the conflict and its drivers.") -> bytes:
    """A one-page PDF with a real text layer."""
    return _pdf_with_content(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode(), filtered=False)


def pdf_bomb(inflated_mb: int = 300) -> bytes:
    """A PDF whose page stream inflates to ``inflated_mb`` MB of blanks."""
    return _pdf_with_content(b"BT /F1 12 Tf 72 720 Td (x) Tj ET" + b" " * (inflated_mb * 1024 * 1024), filtered=True)


def pdf_encrypted(user_password: str = "secret", owner_password: str = "owner") -> bytes:
    """An AES-256 encrypted PDF (needs the cryptography package to open at all)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf())))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-256")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()
