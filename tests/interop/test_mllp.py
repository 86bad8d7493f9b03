"""The MLLP listener against python-hl7's own client (MLLPClient, the library behind mllp_send)
and the mllp_send program, on 127.0.0.1 and a free port."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import hl7
import pytest
from hl7.client import MLLPClient
from sqlalchemy import func, select

from tests.interop.messages import adt
from transitions.db.interop_models import InboundMessage, MessageStatus
from transitions.db.models import Encounter
from transitions.domain.encounter_status import EncounterStatus
from transitions.interop.mllp import MllpServer
from transitions.services import interop
from transitions.services.interop_feed import AdtFeed
from transitions.services.uow import UnitOfWork

UowFactory = Callable[[], UnitOfWork]


@pytest.fixture
def listener(make_uow: UowFactory) -> Iterator[int]:
    feed = AdtFeed(make_uow, interop.adt_actor())  # one per listener, as `adt listen` does

    def handle(raw: bytes, peer: str) -> tuple[str, str | None, str | None]:
        result = feed.receive(raw, peer)
        return result.ack_code, result.control_id, result.reason

    server = MllpServer(handle, "127.0.0.1", 0)
    port = server.start_in_thread()
    yield port
    server.stop()


def ack_of(reply: bytes) -> hl7.Message:
    assert reply.startswith(b"\x0b") and reply.endswith(b"\x1c\x0d")
    return hl7.parse(reply.strip(b"\x0b\x1c\x0d").decode())


def test_listener_acks_and_survives_bad_messages(make_uow: UowFactory, listener: int) -> None:
    with MLLPClient("127.0.0.1", listener) as client:
        ok = ack_of(client.send_message(adt("A01", control_id="M-1")))
        assert str(ok.segment("MSA")[1]) == "AA"
        assert str(ok.segment("MSA")[2]) == "M-1"
        bad = ack_of(client.send_message(b"MSH|^~\\&|X|Y|Z|W|2026||ORU^R01|M-2|P|2.5"))
        assert str(bad.segment("MSA")[1]) == "AR"
        assert str(bad.segment("MSA")[2]) == "M-2"
        garbage = ack_of(client.send_message(b"\xff\xfe not hl7 at all"))
        assert str(garbage.segment("MSA")[1]) == "AR"
        # the listener is still there for the next message on the same connection
        done = ack_of(client.send_message(adt("A03", control_id="M-3", discharge="202611241500")))
        assert str(done.segment("MSA")[1]) == "AA"
    with make_uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(InboundMessage)) == 4
        statuses = uow.session.scalars(select(InboundMessage.status).order_by(InboundMessage.id))
        assert list(statuses) == [
            MessageStatus.PROCESSED,
            MessageStatus.QUARANTINED,
            MessageStatus.QUARANTINED,
            MessageStatus.PROCESSED,
        ]
        encounter = uow.session.scalar(select(Encounter))
        assert encounter is not None and encounter.status is EncounterStatus.DISCHARGED


def test_mllp_send_program(make_uow: UowFactory, listener: int, tmp_path: Path) -> None:
    """python-hl7's `mllp_send` command sends a file of messages; each gets an ACK."""
    source = tmp_path / "feed.hl7"
    source.write_text(
        "\n".join(
            [adt("A01", control_id="F-1"), adt("A08", control_id="F-2", given="Alba")]
        ).replace("\r", "\n")
    )
    program = Path(sys.executable).parent / "mllp_send"
    done = subprocess.run(
        [str(program), "--port", str(listener), "--file", str(source), "--loose", "127.0.0.1"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("MSA|AA|") == 2
    with make_uow() as uow:
        processed = uow.session.scalar(
            select(func.count())
            .select_from(InboundMessage)
            .where(InboundMessage.status == MessageStatus.PROCESSED)
        )
        assert processed == 2


def test_adt_listen_program(database_url: str, make_uow: UowFactory) -> None:
    """`transitions adt listen` as a real process, fed by python-hl7's MLLPClient."""
    import socket
    import time

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    program = Path(sys.executable).parent / "transitions"
    process = subprocess.Popen(
        [str(program), "adt", "listen", "--port", str(port), "--database", database_url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                client = MLLPClient("127.0.0.1", port)
                break
            except ConnectionRefusedError:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
                assert time.monotonic() < deadline, "listener did not start"
                time.sleep(0.2)
        with client:
            reply = ack_of(client.send_message(adt("A01", control_id="P-1")))
        assert str(reply.segment("MSA")[1]) == "AA"
        assert str(reply.segment("MSA")[2]) == "P-1"
    finally:
        process.terminate()
        process.wait(30)
    with make_uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Encounter)) == 1
