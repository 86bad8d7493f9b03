"""Interfaces: `transitions adt listen`, `transitions import hl7|fhir FILE...`,
`transitions export fhir VISIT_NUMBER --out FILE.json`, `transitions quarantine list|reprocess`."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path
from typing import Any

from transitions.cli.common import Context, add_database_option, add_json_option, print_json
from transitions.errors import ValidationError

log = logging.getLogger(__name__)


def register(sub: Any) -> None:
    adt = sub.add_parser("adt", help="the hospital's HL7 v2 ADT feed")
    adt_sub = adt.add_subparsers(dest="adt_command", metavar="ACTION", required=True)
    listen = adt_sub.add_parser("listen", help="receive ADT messages over MLLP until stopped")
    listen.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    listen.add_argument("--port", type=int, default=2575, help="TCP port (2575)")
    listen.set_defaults(func=_listen)

    imp = sub.add_parser("import", help="import HL7 v2 message files or FHIR R4 bundles")
    imp_sub = imp.add_subparsers(dest="import_command", metavar="FORMAT", required=True)
    hl7 = imp_sub.add_parser("hl7", help="files with one or many HL7 v2 messages")
    hl7.add_argument("files", nargs="+", type=Path, metavar="FILE")
    hl7.set_defaults(func=_import_hl7)
    fhir = imp_sub.add_parser("fhir", help="FHIR R4 Bundles (transaction, collection, searchset)")
    fhir.add_argument("files", nargs="+", type=Path, metavar="FILE")
    fhir.set_defaults(func=_import_fhir)

    exp = sub.add_parser("export", help="export a stay")
    exp_sub = exp.add_subparsers(dest="export_command", metavar="FORMAT", required=True)
    exp_fhir = exp_sub.add_parser("fhir", help="a stay as a FHIR R4 collection Bundle")
    exp_fhir.add_argument("visit_number", metavar="VISIT_NUMBER")
    exp_fhir.add_argument("--out", type=Path, required=True, metavar="FILE.json")
    exp_fhir.set_defaults(func=_export_fhir)

    qua = sub.add_parser("quarantine", help="interface messages that could not be applied")
    qua_sub = qua.add_subparsers(dest="quarantine_command", metavar="ACTION", required=True)
    qlist = qua_sub.add_parser("list", help="open quarantine entries, newest first")
    add_json_option(qlist)
    qlist.set_defaults(func=_quarantine_list)
    qre = qua_sub.add_parser("reprocess", help="try a quarantined message again")
    qre.add_argument("message_id", type=int, metavar="MESSAGE_ID")
    qre.set_defaults(func=_quarantine_reprocess)
    for parser in (adt, listen, imp, hl7, fhir, exp, exp_fhir, qua, qlist, qre):
        add_database_option(parser)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ValidationError(f"{path}: cannot read the file ({exc.strerror})") from None


def _import_hl7(args: argparse.Namespace) -> int:
    from transitions.interop.hl7v2 import split_messages
    from transitions.services import interop
    from transitions.services.interop_feed import AdtFeed, durable_commits

    contents = [(path, _read(path)) for path in args.files]
    ctx = Context(args)
    accepted = rejected = 0
    try:
        durable_commits(ctx.db)
        feed = AdtFeed(ctx.uow, interop.adt_actor())
        for path, data in contents:
            for result in feed.receive_many(split_messages(data), f"file:{path.name}"):
                if result.accepted:
                    accepted += 1
                else:
                    rejected += 1
    finally:
        ctx.close()
    print_json({"accepted": accepted, "rejected": rejected})
    return 0


def _import_fhir(args: argparse.Namespace) -> int:
    from transitions.services import interop_fhir

    contents = [(path, _read(path)) for path in args.files]
    ctx = Context(args)
    try:
        summary = interop_fhir.import_files(ctx.uow, ctx.actor, contents)
    finally:
        ctx.close()
    print_json(summary)
    return 0


def _export_fhir(args: argparse.Namespace) -> int:
    from transitions.services import interop_fhir

    ctx = Context(args)
    try:
        with ctx.uow() as uow:
            text = interop_fhir.export_stay(uow, ctx.actor, args.visit_number)
    finally:
        ctx.close()
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ValidationError(f"{args.out}: cannot write the file ({exc.strerror})") from None
    print(f"wrote {args.out}")
    return 0


def _listen(args: argparse.Namespace) -> int:
    from transitions.interop.mllp import MllpServer
    from transitions.services import interop
    from transitions.services.interop_feed import AdtFeed, durable_commits

    ctx = Context(args)
    # one feed for the listener's life: the ICD-10-CM code set is loaded now, before the first
    # message, and units/providers stay cached until someone changes them
    durable_commits(ctx.db)  # an AA goes out only once its message is on disk
    feed = AdtFeed(ctx.uow, interop.adt_actor())

    def handle(raw: bytes, peer: str) -> tuple[str, str | None, str | None]:
        result = feed.receive(raw, peer)
        return result.ack_code, result.control_id, result.reason

    server = MllpServer(handle, args.host, args.port)
    try:
        port = asyncio.run(_serve(server))
    except OSError as exc:
        raise ValidationError(
            f"cannot listen on {args.host}:{args.port} ({exc.strerror})"
        ) from None
    finally:
        ctx.close()
    log.info("listener on port %s stopped", port)
    return 0


async def _serve(server: Any) -> int:
    port: int = await server.start()
    print(f"listening for MLLP on {server.host}:{port} (Ctrl+C stops)", file=sys.stderr, flush=True)
    await server.serve_forever()
    return port


def _quarantine_list(args: argparse.Namespace) -> int:
    from transitions.services import interop

    ctx = Context(args)
    try:
        with ctx.uow() as uow:
            rows = interop.list_quarantine(uow, ctx.actor)
    finally:
        ctx.close()
    if args.json:
        print_json(
            [
                {
                    "message_id": r.message_id,
                    "quarantined_at": r.quarantined_at.isoformat(),
                    "source": r.source,
                    "control_id": r.control_id,
                    "ack": r.ack_code,
                    "reason": r.reason,
                }
                for r in rows
            ]
        )
        return 0
    for r in rows:
        print(f"{r.message_id:>7} {r.ack_code} {r.source[:30]:<30} {r.reason}")
    print(f"{len(rows)} open")
    return 0


def _quarantine_reprocess(args: argparse.Namespace) -> int:
    from transitions.services import interop

    ctx = Context(args)
    try:
        result = interop.reprocess(ctx.uow, ctx.actor, args.message_id)
    finally:
        ctx.close()
    print_json({"message_id": result.message_id, "ack": result.ack_code, "reason": result.reason})
    return 0 if result.accepted else 1
