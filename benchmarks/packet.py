"""Discharge packet rendering speed (issue 10).

* median render time of a full packet: 12 medicines (all four groups, schedule grid), 4
  appointments with the 30-day calendar, 3 education modules with warning signs, pending
  result, home services, allergies — English, Spanish, large print; each repeat uses another
  MRN so the QR code is encoded afresh, as for a new patient;
* baseline in the same run: a plain reportlab two-page table document (Helvetica, 60 rows);
* a 200-packet batch rendered in one process vs. in a process pool using every core (the
  `transitions packet --unit --date` path).

    python -m benchmarks.packet [--repeat 31] [--batch 200]
"""

from __future__ import annotations

import argparse
import concurrent.futures
import io
import multiprocessing
import os
import statistics
import time
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from transitions.packet.content import Branding, PacketContent, PacketOptions
from transitions.packet.render import render
from transitions.packet.sample import sample_content

AT = datetime(2026, 11, 25, 14, 5, tzinfo=ZoneInfo("America/New_York"))
BRAND = Branding("Riverside General Hospital", "(555) 010-2400")


def patient(n: int) -> PacketContent:
    content = sample_content()
    return replace(content, cover=replace(content.cover, mrn=f"MRN{n:07d}", visit_number=f"V{n}"))


def baseline_document() -> bytes:
    styles = getSampleStyleSheet()
    rows = [["#", "Item", "Description", "Amount"]]
    rows += [[str(i), f"Item {i}", Paragraph(f"Description of item {i}", styles["BodyText"]),
              f"{i * 3.5:.2f}"] for i in range(1, 61)]  # fmt: skip
    table = Table(rows, repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey)]))
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=LETTER, invariant=1)
    doc.build([table])
    return buffer.getvalue()


def median_ms(fn: object, repeat: int) -> tuple[float, float, float]:
    """Median and minimum wall time, and median CPU time of this process (ms): on a busy
    machine the CPU time is the figure that does not depend on the other processes."""
    times, cpu = [], []
    for i in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn(i)  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(times), min(times), statistics.median(cpu)


def _render_one(n: int) -> int:
    return render(patient(n), PacketOptions("en"), BRAND, AT).pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=31)
    parser.add_argument("--batch", type=int, default=200)
    args = parser.parse_args()

    render(patient(0), PacketOptions("en"), BRAND, AT)  # fonts registered, modules imported
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{os.cpu_count()} cores, load average {load:.1f} at start")
    pages = PdfPages(baseline_document())
    print(f"baseline: reportlab table document, {pages} pages")
    base, base_min, base_cpu = median_ms(lambda _i: baseline_document(), args.repeat)
    print(f"  median {base:7.1f} ms   (min {base_min:.1f}, CPU {base_cpu:.1f})")
    for label, options in (
        ("packet en", PacketOptions("en")),
        ("packet es", PacketOptions("es")),
        ("packet en large print", PacketOptions("en", True)),
    ):
        result = render(patient(1), options, BRAND, AT)
        median, low, cpu = median_ms(
            lambda i, o=options: render(patient(1000 + i), o, BRAND, AT), args.repeat
        )
        print(f"{label}: {result.pages} pages, {len(result.pdf) // 1024} KiB")
        print(f"  median {median:7.1f} ms   (min {low:.1f}, CPU {cpu:.1f})   "
              f"{median / base:.1f}x baseline ({cpu / base_cpu:.1f}x in CPU time)")  # fmt: skip

    numbers = list(range(10_000, 10_000 + args.batch))
    start = time.perf_counter()
    for n in numbers:
        _render_one(n)
    serial = time.perf_counter() - start
    workers = os.cpu_count() or 1
    context = multiprocessing.get_context("spawn")
    start = time.perf_counter()
    before = os.times()
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
        list(pool.map(_render_one, numbers, chunksize=8))
    parallel = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user + after.children_system) - (
        before.children_user + before.children_system
    )
    print(f"batch of {args.batch}: one process {serial:.1f} s, {workers} processes "
          f"{parallel:.1f} s (incl. worker start-up), speed-up {serial / parallel:.2f}x; "
          f"worker CPU {cpu:.1f} s = {cpu / parallel:.2f} cores busy on average")  # fmt: skip


def PdfPages(pdf: bytes) -> int:  # noqa: N802 - reads like a constructor
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


if __name__ == "__main__":
    main()
