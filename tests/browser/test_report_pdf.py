"""The HTML report as a steering group prints it: Chromium's PDF, read back page by page.

``rrs report --format html`` is printed to PDF by Chromium (``page.pdf``, the
page's own ``@page`` size and footer, no browser header or footer), then read
with poppler: ``pdftotext -layout`` for the words on each page, ``pdftoppm``
for the ink.

Checked on every page: A4 portrait; the report's own footer (title, reference
date, catalogue version) with "page X of Y"; no ink cut at the right edge of
the page area (where Chromium clips a table wider than the page); a quarter
page of text at least (the last page three lines); no heading and no goal's
tagline as a page's last line. Checked on the whole: every date in a table
prints whole (no "2018-/12-31"), no ISO date is left, and the page with the
goal × quality table shows all seven qualities and every goal.

Without poppler (``pdftotext``) the test is skipped on a workstation and fails
in CI, where ``.ci/run`` installs it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from rrs_cli.catalogue import load_catalogue
from rrs_cli.i18n import Language, text
from rrs_cli.layout import bundled_catalogue
from rrs_cli.render import report as render
from rrs_cli.render.report_layout import layout
from rrs_cli.report import Report
from rrs_cli.site.model import catalogue_version

from ..fixtures.build_progress_fixture import TARGET
from ..test_report import make_report

A4 = (595, 842)  # points, portrait
A4_MM = (210, 297)
MARGIN_MM = {"top": 14, "right": 14, "bottom": 16}  # report.css @page
# Lines of text on a page, its footer aside: a page ends early only where what follows
# must not be cut (a heading with its table, a flywheel action's rows), never by half.
MIN_LINES = 12
MIN_LINES_LAST = 3


@pytest.fixture(scope="module")
def poppler() -> None:
    if shutil.which("pdftotext") and shutil.which("pdftoppm"):
        return
    message = "pdftotext/pdftoppm are missing: install them with `apt-get install -y poppler-utils`"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@dataclass
class Printed:
    html: str
    pages: list[list[str]]  # each page's lines (pdftotext -layout), footer included
    sizes: list[tuple[float, float]]
    cut: list[int]  # per page: rows of ink cut at the page area's right edge
    lang: Language
    footer: str  # the footer's text before "page X of Y"


REPORTS = {
    # The bundled catalogue with a year of progress, a quarterly report (the golden's).
    "fixture-nl": (TARGET, "nl", date(2026, 9, 30), date(2026, 7, 1)),
    "fixture-en": (TARGET, "en", date(2026, 9, 30), date(2026, 7, 1)),
    # The bundled catalogue as published: nothing logged yet.
    "bundled-nl": (bundled_catalogue(), "nl", date(2026, 12, 6), None),
}


@pytest.fixture(scope="module", params=list(REPORTS))
def printed(
    request: pytest.FixtureRequest,
    browser: Browser,
    poppler: None,
    tmp_path_factory: pytest.TempPathFactory,
) -> Printed:
    root, lang, as_of, since = REPORTS[request.param]
    report = make_report(root, as_of=as_of, since=since, version=catalogue_version(root))
    html = render.html(report, lang)  # type: ignore[arg-type]
    folder = tmp_path_factory.mktemp(f"print-{request.param}")
    (folder / "report.html").write_text(html, encoding="utf-8")
    page = browser.new_page()
    try:
        page.goto((folder / "report.html").as_uri())
        page.pdf(path=str(folder / "report.pdf"), prefer_css_page_size=True, print_background=True)
    finally:
        page.close()
    pdf = folder / "report.pdf"
    layout = _run("pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-")
    pages = [page.splitlines() for page in layout.split("\f")]
    if pages and not any(line.strip() for line in pages[-1]):
        pages.pop()  # pdftotext ends the last page with a form feed too
    sizes = [
        (float(w), float(h))
        for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", _pdfinfo(pdf))
    ]
    footer = layout_footer(report, lang)  # type: ignore[arg-type]
    return Printed(html, pages, sizes, _cut_at_the_edge(pdf, folder), lang, footer)  # type: ignore[arg-type]


def layout_footer(report: Report, lang: Language) -> str:
    return layout(report, lang).footer


def _run(*args: str) -> str:
    done = subprocess.run(args, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def _pdfinfo(pdf: Path) -> str:
    return _run("pdfinfo", "-f", "1", "-l", "9999", str(pdf))


def _cut_at_the_edge(pdf: Path, folder: Path) -> list[int]:
    """Per page, the pixel rows where ink touches the right edge of the page area.

    Chromium clips what is wider than the page at that edge, so a cut table leaves
    glyphs there. A full-width table's rules reach it too, but as unbroken lines:
    a row counts only where the 8 mm before the edge are not all ink."""
    dpi = 150
    per_mm = dpi / 25.4
    subprocess.run(
        ["pdftoppm", "-gray", "-r", str(dpi), str(pdf), str(folder / "page")], check=True
    )
    counts = []
    for image in sorted(folder.glob("page-*.pgm")):
        width, height, pixels = _read_pgm(image.read_bytes())
        edge = round((A4_MM[0] - MARGIN_MM["right"]) * per_mm)
        strip = range(edge - round(0.6 * per_mm), edge)
        before = range(edge - round(8 * per_mm), edge)
        top = round(MARGIN_MM["top"] * per_mm)
        bottom = height - round(MARGIN_MM["bottom"] * per_mm)
        rows = (pixels[y * width : (y + 1) * width] for y in range(top, bottom))
        counts.append(
            sum(
                any(row[x] < 160 for x in strip) and not all(row[x] < 200 for x in before)
                for row in rows
            )
        )
    return counts


def _read_pgm(data: bytes) -> tuple[int, int, bytes]:
    """A binary PGM (P5) as produced by pdftoppm -gray: width, height, one byte a pixel."""
    fields = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    assert fields is not None and int(fields.group(3)) < 256
    return int(fields.group(1)), int(fields.group(2)), data[fields.end() :]


class _Texts(HTMLParser):
    """Heading texts (h2-h4, a goal's tagline, a table's row-group title) and the dates
    (<time>) of the report."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[str] = []
        self.dates: list[str] = []
        self._into: list[str] | None = None
        self._kind = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        scope, kind = dict(attrs).get("scope"), dict(attrs).get("class")
        if (
            tag in {"h2", "h3", "h4"}
            or (tag == "th" and scope == "rowgroup")
            or (tag == "p" and kind == "rrs-tagline")
        ):
            self._into, self._kind = [], "heading"
        elif tag == "time":
            self._into, self._kind = [], "date"

    def handle_endtag(self, tag: str) -> None:
        if self._into is not None and tag in {"h2", "h3", "h4", "th", "p", "time"}:
            value = " ".join("".join(self._into).split())
            (self.headings if self._kind == "heading" else self.dates).append(value)
            self._into = None

    def handle_data(self, data: str) -> None:
        if self._into is not None:
            self._into.append(data)


def texts(html: str) -> _Texts:
    parser = _Texts()
    parser.feed(html.split("<main>", 1)[1])  # not the contents list's <h2>, hidden in print
    return parser


def body_lines(page: list[str]) -> list[str]:
    """The page's non-empty lines, without its footer (the last line)."""
    lines = [line.strip() for line in page if line.strip()]
    return lines[:-1]


def test_every_page_is_a4_portrait(printed: Printed) -> None:
    assert printed.sizes and len(printed.sizes) == len(printed.pages)
    for width, height in printed.sizes:
        assert (round(width), round(height)) == A4


def test_every_page_has_the_reports_footer_with_page_x_of_y(printed: Printed) -> None:
    """Title, reference date and catalogue version at the left, "page X of Y" at the right."""
    total = len(printed.pages)
    assert text("report.version.short", printed.lang, version="") in printed.footer
    for number, page in enumerate(printed.pages, 1):
        footer = " ".join([line for line in page if line.strip()][-1].split())
        page_of = text("report.page_of", printed.lang, page=number, pages=total)
        assert footer == f"{printed.footer} {page_of}", number


def test_nothing_is_cut_at_the_right_edge(printed: Printed) -> None:
    for number, rows in enumerate(printed.cut, 1):
        assert rows == 0, f"page {number}: {rows} pixel rows cut at the right edge"


def test_the_coverage_table_fits_one_page(printed: Printed) -> None:
    catalogue = load_catalogue(TARGET).catalogue
    heading = text("report.coverage", printed.lang)
    (page,) = [p for p in printed.pages if any(line.strip() == heading for line in p)]
    words = " ".join(page)
    for quality in catalogue.qualities.values():
        assert (quality.name_nl if printed.lang == "nl" else quality.name_en) in words
    for goal in catalogue.goals.values():
        assert text("report.goal_short", printed.lang, number=goal.number) in words


def test_dates_print_whole_and_never_as_iso(printed: Printed) -> None:
    shown = Counter(texts(printed.html).dates)
    assert shown, "the report has dates in its tables"
    words = "\n".join("\n".join(body_lines(page)) for page in printed.pages)
    found = Counter(re.findall(r"\b\d\d[-/]\d\d[-/]\d{4}\b", words))
    assert found == shown
    assert not re.search(r"\b\d{4}-\d\d-\d\d\b", words), "an ISO date is printed"
    assert not re.search(r"\b\d\d[-/](\d\d[-/]?)?$", words, re.M), "a date broken at a line end"


def test_no_page_is_nearly_empty(printed: Printed) -> None:
    for number, page in enumerate(printed.pages, 1):
        least = MIN_LINES_LAST if number == len(printed.pages) else MIN_LINES
        assert len(body_lines(page)) >= least, f"page {number} has only {body_lines(page)}"


def test_no_heading_ends_a_page(printed: Printed) -> None:
    headings = texts(printed.html).headings
    for number, page in enumerate(printed.pages[:-1], 1):
        last = body_lines(page)[-1]
        ends = [h for h in headings if h == last or (len(last) > 12 and h.startswith(last))]
        assert not ends, f"page {number} ends with the heading {ends[0]!r}"
