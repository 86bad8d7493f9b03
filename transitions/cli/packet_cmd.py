"""`transitions packet`: write discharge packets as PDF files.

    transitions packet VISIT_NUMBER --out FILE.pdf [--language en|es] [--large-print]
    transitions packet --unit CODE --date YYYY-MM-DD --out DIR [--large-print]

The first writes one packet and prints its SHA-256. The second writes one PDF per discharge of
the unit on that day (``<visit number>.pdf``; file names carry no patient name), rendering in
several processes, and prints ``<sha256>  <file>`` per packet; stays that fail are reported on
stderr and the others are still written (exit status 1 when any failed). Without --language a
packet is in the patient's preferred language when the packet has it, else English. Every
packet is stored in the database and every file written is audited as an export.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import multiprocessing
import os
import sys
from pathlib import Path
from typing import Any

from transitions.cli.common import Context, add_database_option, iso_date
from transitions.errors import ValidationError
from transitions.packet.i18n import languages
from transitions.packet.render import Rendered
from transitions.services import packet_batch, packets
from transitions.services.packets import PacketJob


def language_code(value: str) -> str:
    if value not in languages():
        known = "|".join(sorted(languages()))
        raise argparse.ArgumentTypeError(f"unknown language '{value}' (use {known})")
    return value


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "packet",
        help="write the discharge packet (After-Hospital Care Plan) as PDF",
        description="Write one stay's discharge packet (VISIT_NUMBER --out FILE.pdf) or every "
        "packet of a unit's discharges on a day (--unit CODE --date YYYY-MM-DD --out DIR).",
    )
    parser.add_argument("visit_number", nargs="?", metavar="VISIT_NUMBER", help="the stay")
    parser.add_argument("--out", required=True, metavar="PATH", help="PDF file, or folder (batch)")
    parser.add_argument(
        "--language",
        type=language_code,
        metavar="|".join(sorted(languages())),
        help="packet language (default: the patient's preferred language, else English)",
    )
    parser.add_argument("--large-print", action="store_true", help="large print (14 pt and up)")
    parser.add_argument("--unit", metavar="CODE", help="batch: the unit's discharges")
    parser.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", help="batch: the day")
    add_database_option(parser)
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    batch = args.unit is not None or args.date is not None
    if batch and args.visit_number:
        raise ValidationError("give either VISIT_NUMBER or --unit and --date, not both")
    if not batch and not args.visit_number:
        raise ValidationError("give a VISIT_NUMBER, or --unit CODE --date YYYY-MM-DD")
    if batch and (args.unit is None or args.date is None):
        raise ValidationError("a batch needs both --unit CODE and --date YYYY-MM-DD")
    if batch and args.language:
        raise ValidationError("--language is for one packet; a batch uses each patient's language")
    ctx = Context(args)
    try:
        return _batch(ctx, args) if batch else _single(ctx, args)
    finally:
        ctx.close()


def _single(ctx: Context, args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.is_dir():
        raise ValidationError(f"--out {out} is a folder; give a file name such as packet.pdf")
    with ctx.uow() as uow:
        stored = packets.generate_packet(
            uow,
            ctx.actor,
            visit_number=args.visit_number,
            language=args.language,
            large_print=args.large_print,
        )
    _write(out, stored.pdf)
    with ctx.uow() as uow:
        packets.record_output(uow, ctx.actor, stored.info.id, "export", "file")
    print(stored.info.sha256)
    return 0


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise ValidationError(f"cannot write {path}: {exc.strerror}") from exc


def _render(job: PacketJob) -> Rendered:
    return packets.render_job(job)


def _batch(ctx: Context, args: argparse.Namespace) -> int:
    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ValidationError(f"cannot create folder {out}: {exc.strerror}") from exc
    with ctx.uow() as uow:
        rows = packet_batch.discharges_on(uow, ctx.actor, args.unit, args.date)
        jobs = packet_batch.plan_batch(
            uow, ctx.actor, [r.encounter_id for r in rows], large_print=args.large_print
        )
        done = {}
        for job in jobs:
            unchanged = packets.unchanged_packet(uow, job)
            if unchanged is not None:
                done[job.encounter_id] = unchanged
    todo = [job for job in jobs if job.encounter_id not in done]
    rendered: dict[int, Rendered | BaseException] = {}
    workers = min(os.cpu_count() or 1, len(todo))
    if workers > 1:
        context = multiprocessing.get_context("spawn")
        with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
            futures = {pool.submit(_render, job): job.encounter_id for job in todo}
            for future in concurrent.futures.as_completed(futures):
                try:
                    rendered[futures[future]] = future.result()
                except Exception as exc:  # noqa: BLE001 - reported per stay below
                    rendered[futures[future]] = exc
    else:
        for job in todo:
            try:
                rendered[job.encounter_id] = _render(job)
            except Exception as exc:  # noqa: BLE001 - reported per stay below
                rendered[job.encounter_id] = exc
    failures = 0
    for job in jobs:
        try:
            stored = done.get(job.encounter_id)
            if stored is None:
                result = rendered[job.encounter_id]
                if isinstance(result, BaseException):
                    raise result
                with ctx.uow() as uow:
                    stored = packets.store_rendered(uow, ctx.actor, job, result)
            path = out / f"{job.visit_number}.pdf"
            _write(path, stored.pdf)
            with ctx.uow() as uow:
                packets.record_output(uow, ctx.actor, stored.info.id, "export", "file")
            print(f"{stored.info.sha256}  {path}")
        except Exception as exc:  # noqa: BLE001 - one stay's failure must not stop the batch
            failures += 1
            print(f"transitions packet: {job.visit_number}: failed: {exc}", file=sys.stderr)
    if not jobs:
        print(f"transitions packet: no discharges on unit {args.unit} on {args.date}",
              file=sys.stderr)  # fmt: skip
    return 1 if failures else 0
