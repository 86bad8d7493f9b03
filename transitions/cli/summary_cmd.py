"""`transitions summary`: the discharge summary to the primary care provider (RED 11).

    transitions summary show VISIT_NUMBER [--json]
    transitions summary course VISIT_NUMBER (--text TEXT | --file FILE)
    transitions summary send VISIT_NUMBER [--to NAME] [--language en|es] [--json]
    transitions summary send VISIT_NUMBER --print-to FILE.pdf [--to NAME] [--fax NUMBER] ...

``send`` without ``--print-to`` writes the PDF and the stay's FHIR bundle to the outbox folder
of the site file (``pcp_summary.outbox``); with ``--print-to`` it writes a fax cover sheet and
the summary as one PDF for printing. Either way the delivery is recorded and audited.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from transitions.cli.common import Context, add_database_option, add_json_option, print_json
from transitions.errors import ValidationError
from transitions.packet.summary_i18n import DEFAULT_SUMMARY_LANGUAGE, summary_languages
from transitions.services import pcp_summary
from transitions.services.json_values import jsonable
from transitions.services.pcp_summary import DeliveryView


def _language(value: str) -> str:
    if value not in summary_languages():
        known = "|".join(sorted(summary_languages()))
        raise argparse.ArgumentTypeError(f"unknown language '{value}' (use {known})")
    return value


def register(sub: Any) -> None:
    summary = sub.add_parser(
        "summary", help="the discharge summary to the primary care provider (send, show)"
    )
    actions = summary.add_subparsers(dest="summary_command", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="hospital course, PCP and every sending of a stay")
    show.add_argument("visit_number", metavar="VISIT_NUMBER")
    add_json_option(show)
    show.set_defaults(func=_show)

    course = actions.add_parser("course", help="write the hospital course of the summary")
    course.add_argument("visit_number", metavar="VISIT_NUMBER")
    given = course.add_mutually_exclusive_group(required=True)
    given.add_argument("--text", metavar="TEXT", help="the hospital course")
    given.add_argument("--file", metavar="FILE", type=Path, help="read it from a UTF-8 file")
    course.set_defaults(func=_course)

    send = actions.add_parser(
        "send",
        help="send the summary to the outbox, or write it with a fax cover (--print-to)",
        description="Without --print-to: write the summary PDF and the stay's FHIR bundle to "
        "the outbox folder (site key pcp_summary.outbox). With --print-to: write a fax cover "
        "sheet and the summary as one PDF to print. The sending is recorded and audited.",
    )
    send.add_argument("visit_number", metavar="VISIT_NUMBER")
    send.add_argument("--print-to", metavar="FILE.pdf", type=Path, help="fax cover + summary")
    send.add_argument("--to", metavar="NAME", help="recipient (default: the patient's PCP)")
    send.add_argument("--fax", metavar="NUMBER", help="with --print-to (default: the PCP's fax)")
    send.add_argument(
        "--language",
        type=_language,
        default=DEFAULT_SUMMARY_LANGUAGE,
        metavar="|".join(sorted(summary_languages())),
        help="language of the summary (default: English)",
    )
    add_json_option(send)
    send.set_defaults(func=_send)
    for parser in (summary, show, course, send):
        add_database_option(parser)


def _show(args: argparse.Namespace) -> int:
    ctx = Context(args)
    try:
        with ctx.uow() as uow:
            encounter_id = pcp_summary.encounter_id_of(uow, args.visit_number)
            state = pcp_summary.get_summary(uow, ctx.actor, encounter_id)
            tz = uow.tz
    finally:
        ctx.close()
    if args.json:
        print_json(jsonable(state.to_json()))
        return 0
    print(f"Stay {state.visit_number}: PCP {state.pcp.name or 'not recorded'}")
    print(f"Hospital course: {'written' if state.hospital_course else 'not written'}")
    status = state.status
    if status is None:
        print("Summary: not sent")
    else:
        when = status.sent_at.astimezone(tz)
        print(f"Summary: {status.method} {when:%Y-%m-%d %H:%M} by {status.sent_by}")
        if state.changed_since_sent:
            print("warning: the stay changed since the summary was sent")
    return 0


def _course(args: argparse.Namespace) -> int:
    if args.file is not None:
        try:
            text = args.file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise ValidationError(f"cannot read {args.file}: {exc}") from None
    else:
        text = args.text
    ctx = Context(args)
    try:
        with ctx.uow() as uow:
            encounter_id = pcp_summary.encounter_id_of(uow, args.visit_number)
            version = pcp_summary.get_summary(uow, ctx.actor, encounter_id).version_id
        with ctx.uow() as uow:
            state = pcp_summary.save_hospital_course(
                uow, ctx.actor, encounter_id, text, expected_version=version
            )
    finally:
        ctx.close()
    print(f"hospital course saved ({len(state.hospital_course)} characters)")
    return 0


def _send(args: argparse.Namespace) -> int:
    if args.fax and args.print_to is None:
        raise ValidationError("--fax goes with --print-to (the outbox needs no fax number)")
    target: Path | None = args.print_to
    if target is not None and (target.is_dir() or not target.parent.is_dir()):
        raise ValidationError(f"--print-to needs a file in an existing folder, not {target}")
    ctx = Context(args)
    try:
        if target is None:
            with ctx.uow() as uow:
                encounter_id = pcp_summary.encounter_id_of(uow, args.visit_number)
                delivery = pcp_summary.send_to_outbox(
                    uow, ctx.actor, encounter_id, recipient=args.to, language=args.language
                )
                folder = uow.site.summary_outbox
        else:
            with ctx.uow() as uow:
                encounter_id = pcp_summary.encounter_id_of(uow, args.visit_number)
                document = pcp_summary.prepare_fax(
                    uow, ctx.actor, encounter_id, recipient=args.to, fax=args.fax,
                    language=args.language,
                )  # fmt: skip
            try:
                pcp_summary.write_atomically(target.parent, target.name, document.pdf)
            except OSError as exc:
                raise ValidationError(f"cannot write {target}: {exc.strerror or exc}") from None
            with ctx.uow() as uow:
                delivery = pcp_summary.record_print(uow, ctx.actor, document)
    finally:
        ctx.close()
    _report(args, delivery, target, folder if target is None else None)
    return 0


def _report(
    args: argparse.Namespace, delivery: DeliveryView, target: Path | None, folder: str | None
) -> None:
    if args.json:
        data = jsonable(delivery.to_json())
        data["path"] = str(target) if target else None
        data["outbox"] = folder
        print_json(data)
    elif target is not None:
        print(f"{delivery.sha256}  {target} ({delivery.page_count} pages, fax cover included)")
    else:
        print(f"sent to {delivery.recipient}: {folder}/{delivery.file_name}.pdf and .json")
