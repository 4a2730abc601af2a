"""Pictures and PDFs for the demo, drawn with Pillow at load time (nothing binary is shipped):
scenes and logos (pictures.py), scanned-looking administrative papers (pdfs.py), both written in a
font with Vietnamese diacritics (fonts.py)."""

from .fonts import has_vietnamese_font
from .pdfs import render_pages, render_pdf
from .pictures import HEIGHT, SCENES, WIDTH, initials, logo_png, scene_caption, scene_jpeg

__all__ = [
    "HEIGHT",
    "SCENES",
    "WIDTH",
    "has_vietnamese_font",
    "initials",
    "logo_png",
    "render_pages",
    "render_pdf",
    "scene_caption",
    "scene_jpeg",
]
