"""MLLP listener (Minimal Lower Layer Protocol: <VT> message <FS><CR>) and HL7 ACKs.

The listener reads each frame as raw bytes and hands it to ``handler`` (which stores it, then
processes it) on ONE worker thread, so database writes happen one message at a time in arrival
order. python-hl7's own asyncio stream reader parses the message before handing it over, which
would lose a message it cannot parse; that is why framing is done here and python-hl7 is used for
parsing and for building the ACK. A handler failure is answered with AE and logged; the listener
keeps running.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from itertools import count

from transitions.interop import where_it_failed
from transitions.interop.hl7v2 import decode, normalise

log = logging.getLogger(__name__)

START_BLOCK = b"\x0b"
END_BLOCK = b"\x1c"
CARRIAGE_RETURN = b"\x0d"
MAX_MESSAGE_BYTES = 16 * 1024 * 1024

#: handler(raw bytes, peer) -> (ack code, original control id or None, error text or None)
Handler = Callable[[bytes, str], tuple[str, str | None, str | None]]

_ack_ids = count(1)


def frame(message: bytes) -> bytes:
    return START_BLOCK + message + END_BLOCK + CARRIAGE_RETURN


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\E\\")
        .replace("|", "\\F\\")
        .replace("^", "\\S\\")
        .replace("&", "\\T\\")
        .replace("~", "\\R\\")
        .replace("\r", " ")
        .replace("\n", " ")
    )


def build_ack(raw: bytes, ack_code: str, control_id: str | None, text: str | None = None) -> bytes:
    """An original-mode ACK (MSH + MSA) for ``raw``; MSA-2 carries the message control id."""
    ack_id = f"TR{datetime.now(UTC):%Y%m%d%H%M%S}{next(_ack_ids):06d}"
    note = _escape(text)[:200] if text else ""
    try:
        import hl7  # lazy: not on the GUI start path

        message = hl7.parse(normalise(decode(raw)))
        ack = message.create_ack(ack_code, message_id=ack_id, application="TRANSITIONS")
        if note:
            ack.segment("MSA").assign_field(note, 3)
        return str(ack).encode("utf-8")
    except Exception:  # noqa: BLE001 - unreadable message: build the ACK by hand
        stamp = f"{datetime.now(UTC):%Y%m%d%H%M%S}"
        msh = f"MSH|^~\\&|TRANSITIONS||||{stamp}||ACK|{ack_id}|P|2.5"
        msa = f"MSA|{ack_code}|{_escape(control_id or '')}"
        if note:
            msa += f"|{note}"
        return f"{msh}\r{msa}".encode()


class MllpServer:
    """An asyncio MLLP server calling ``handler`` for every framed message."""

    def __init__(self, handler: Handler, host: str = "127.0.0.1", port: int = 2575) -> None:
        self.handler = handler
        self.host = host
        self.port = port
        self._server: asyncio.Server | None = None
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mllp-db")
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self.messages = 0

    async def start(self) -> int:
        self._server = await asyncio.start_server(
            self._connection, self.host, self.port, limit=MAX_MESSAGE_BYTES
        )
        self.port = self._server.sockets[0].getsockname()[1]
        return self.port

    async def serve_forever(self) -> None:
        if self._server is None:
            await self.start()
        assert self._server is not None
        async with self._server:
            await self._server.serve_forever()

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        peername = writer.get_extra_info("peername")
        peer = f"mllp:{peername[0]}:{peername[1]}" if peername else "mllp"
        loop = asyncio.get_running_loop()
        try:
            while True:
                try:
                    block = await reader.readuntil(END_BLOCK)
                except asyncio.IncompleteReadError as exc:
                    # the sender closed the connection; an unterminated frame is still kept
                    rest = exc.partial.lstrip(b"\r\n").lstrip(START_BLOCK)
                    if rest.strip():
                        await loop.run_in_executor(self._worker, self.handler, rest, peer)
                    break
                except asyncio.LimitOverrunError:
                    log.warning(
                        "MLLP frame larger than %d bytes; connection closed", MAX_MESSAGE_BYTES
                    )
                    break
                start = block.find(START_BLOCK)
                raw = block[start + 1 if start >= 0 else 0 : -1]  # the leading CR, if any, too
                if not raw.strip():
                    continue
                try:
                    code, control_id, text = await loop.run_in_executor(
                        self._worker, self.handler, raw, peer
                    )
                except Exception as exc:  # noqa: BLE001 - one message never stops the listener
                    log.error("MLLP handler failed: %s", where_it_failed(exc))
                    code, control_id, text = "AE", None, "message could not be stored"
                self.messages += 1
                writer.write(frame(build_ack(raw, code, control_id, text)))
                await writer.drain()
        except ConnectionError:
            pass
        finally:
            writer.close()

    # -- running in a background thread (tests, embedding) ---------------------------------

    def start_in_thread(self) -> int:
        ready = threading.Event()

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            loop.run_until_complete(self.start())
            ready.set()
            try:
                loop.run_forever()
            finally:
                if self._server is not None:
                    self._server.close()
                    loop.run_until_complete(self._server.wait_closed())
                loop.close()

        self._thread = threading.Thread(target=run, name="mllp-listener", daemon=True)
        self._thread.start()
        ready.wait(10)
        return self.port

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(10)
        self._worker.shutdown(wait=True)
