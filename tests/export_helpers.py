"""Readers shared by the export tests: the PDF's text per page and its smallest type."""

from __future__ import annotations


def pdf_texts(path) -> list:
    """Text of every page (pypdf)."""
    from pypdf import PdfReader

    return [p.extract_text() or "" for p in PdfReader(str(path)).pages]


def smallest_type(path) -> tuple:
    """``(size in pt, page number, text)`` of the smallest text drawn anywhere in the PDF (pypdf).

    The size is the font size of ``Tf`` scaled by the text and transformation matrices,
    so a page drawn scaled down would show here.
    """
    from pypdf import PdfReader

    best = (1e9, 0, "")
    for n, page in enumerate(PdfReader(str(path)).pages, 1):
        found = []

        def visit(text, cm, tm, font, size, found=found):
            if text.strip():
                found.append((size * abs(tm[0]) * abs(cm[0]), text))

        page.extract_text(visitor_text=visit)
        for size, text in found:
            if size < best[0]:
                best = (size, n, text)
    return best
