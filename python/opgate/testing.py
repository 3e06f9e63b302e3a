"""Run the local emulator (``opgate-emulator``) in tests: a context manager and a pytest fixture.

The emulator answers the ECS, Compute Nest and Zenlayer ZEC APIs on a loopback port, with
opgate's own rules, so SDKs and opgate's own requests can be tested offline::

    from opgate.testing import Emulator

    with Emulator(fleet="examples/fleet.json") as emu:
        # Point an SDK at emu.endpoint ("127.0.0.1:PORT", scheme http), or opgate at emu.url.
        ...
        emu.advance(10)          # move the emulator's clock: transitions settle
        emu.calls()              # what was called, answered, with which signature

pytest: put ``pytest_plugins = ["opgate.testing"]`` in a ``conftest.py``. The ``emulator``
fixture then starts one emulator per test; override the ``emulator_fleet`` and
``emulator_config`` fixtures to choose its fleet (a path or a dict in the style of
``examples/fleet.json``) and configuration (see the emulator's README).

Finding the binary, in order: the ``binary`` argument; the ``OPGATE_EMULATOR`` environment
variable; ``opgate-emulator`` on ``PATH``; ``target/debug/opgate-emulator`` then
``target/release/opgate-emulator`` in the current directory or a parent (where
``cargo build -p opgate-emulator`` leaves it).
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Iterator, Mapping, Union

from . import HttpRequest

__all__ = ["Emulator", "EmulatorError", "find_binary", "send"]

Fleet = Union[str, "os.PathLike[str]", Mapping[str, Any], None]
"""A fleet file path, a fleet as a dict, or ``None`` for an empty fleet."""

_READY_PREFIX = "opgate-emulator listening on "
_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def send(request: HttpRequest, *, timeout: float = 30) -> tuple[int, list[tuple[str, str]], bytes]:
    """Sends a built or signed request (``signed.request``) over HTTP, bypassing any proxy, and
    returns the status, the headers as ``[(name, value), ...]`` and the body, which is what
    :func:`opgate.parse_response` takes. An HTTP error status is returned, not raised."""
    prepared = urllib.request.Request(request.url, data=request.content or None, method=request.method)
    for name, value in request.headers:
        prepared.add_header(name, value)
    try:
        with _NO_PROXY.open(prepared, timeout=timeout) as response:
            return response.status, list(response.headers.items()), response.read()
    except urllib.error.HTTPError as error:
        return error.code, list(error.headers.items()), error.read()


class EmulatorError(RuntimeError):
    """The emulator could not be found, started, or asked something."""


def find_binary(binary: str | os.PathLike[str] | None = None) -> str:
    """The emulator executable, looked up as the module documentation says."""
    if binary is not None:
        return os.fspath(binary)
    from_env = os.environ.get("OPGATE_EMULATOR")
    if from_env:
        return from_env
    on_path = shutil.which("opgate-emulator")
    if on_path:
        return on_path
    for directory in (Path.cwd(), *Path.cwd().parents):
        for profile in ("debug", "release"):
            candidate = directory / "target" / profile / "opgate-emulator"
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return str(candidate)
    raise EmulatorError(
        "opgate-emulator not found: build it with `cargo build -p opgate-emulator`, "
        "or set OPGATE_EMULATOR to the binary's path"
    )


class Emulator:
    """One emulator process on a free loopback port; ``with Emulator(...) as emu:``."""

    def __init__(
        self,
        fleet: Fleet = None,
        *,
        config: Mapping[str, Any] | None = None,
        binary: str | os.PathLike[str] | None = None,
        startup_timeout: float = 30.0,
    ) -> None:
        self._fleet = fleet
        self._config = config
        self._binary = binary
        self._startup_timeout = startup_timeout
        self._process: subprocess.Popen[str] | None = None
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        self._url: str | None = None
        self._settings: dict[str, Any] | None = None
        self._attached = False

    @classmethod
    def connect(cls, url: str) -> Emulator:
        """An emulator someone else started, at ``http://127.0.0.1:PORT``: the control API
        works, ``start`` and ``stop`` leave the process alone."""
        attached = cls()
        attached._url = url.rstrip("/")
        attached._attached = True
        return attached

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> Emulator:
        """Starts the process and waits until it accepts connections."""
        if self._process is not None or self._attached:
            return self
        binary = find_binary(self._binary)
        self._scratch = tempfile.TemporaryDirectory(prefix="opgate-emulator-")
        scratch = Path(self._scratch.name)
        command = [binary, "--host", "127.0.0.1", "--port", "0", "--exit-with-stdin"]
        if self._fleet is not None:
            command += ["--fleet", self._write(scratch / "fleet.json", self._fleet)]
        if self._config is not None:
            command += ["--config", self._write(scratch / "config.json", self._config)]
        stderr_path = scratch / "stderr.log"
        with open(stderr_path, "w", encoding="utf-8") as stderr:
            try:
                self._process = subprocess.Popen(
                    command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, text=True
                )
            except OSError as error:
                self._cleanup()
                raise EmulatorError(f"cannot run {binary}: {error}") from error
        line = self._first_line(self._process.stdout)
        if line is None or not line.startswith(_READY_PREFIX):
            detail = stderr_path.read_text(encoding="utf-8", errors="replace").strip()
            self.stop()
            raise EmulatorError(f"opgate-emulator did not start: {detail or line or 'no output'}")
        self._url = line[len(_READY_PREFIX) :].strip()
        return self

    def _first_line(self, stream: IO[str] | None) -> str | None:
        if stream is None:
            return None
        lines: queue.Queue[str] = queue.Queue()
        reader = threading.Thread(target=lambda: lines.put(stream.readline()), daemon=True)
        reader.start()
        try:
            return lines.get(timeout=self._startup_timeout)
        except queue.Empty:
            return None

    @staticmethod
    def _write(path: Path, value: str | os.PathLike[str] | Mapping[str, Any]) -> str:
        if isinstance(value, Mapping):
            path.write_text(json.dumps(value), encoding="utf-8")
            return str(path)
        return os.fspath(value)

    def stop(self) -> None:
        """Stops the process (closing its stdin ends it; it is killed if it lingers)."""
        if self._attached:
            return
        process, self._process = self._process, None
        if process is not None:
            if process.stdin is not None:
                try:
                    process.stdin.close()
                except OSError:
                    pass
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
            if process.stdout is not None:
                process.stdout.close()
        self._url = None
        self._settings = None
        self._cleanup()

    def _cleanup(self) -> None:
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None

    def __enter__(self) -> Emulator:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None) -> None:
        self.stop()

    # -- where it is -----------------------------------------------------------------------

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT``: the ``endpoint`` argument for ``opgate.build``."""
        if self._url is None:
            raise EmulatorError("the emulator is not running")
        return self._url

    @property
    def endpoint(self) -> str:
        """``127.0.0.1:PORT``: the endpoint (domain) for the SDKs, with scheme ``http``."""
        return self.url.split("://", 1)[1]

    @property
    def port(self) -> int:
        return int(self.endpoint.rsplit(":", 1)[1])

    def _config_view(self) -> dict[str, Any]:
        if self._settings is None:
            settings = self.control("GET", "/_emulator/config")
            assert isinstance(settings, dict)
            self._settings = settings
        return self._settings

    @property
    def alibaba_key(self) -> tuple[str, str]:
        """``(access_key_id, access_key_secret)`` the emulator accepts for Alibaba calls."""
        key = self._config_view()["credentials"]["alibaba"][0]
        return str(key["access_key_id"]), str(key["access_key_secret"])

    @property
    def zenlayer_key(self) -> tuple[str, str]:
        """``(access_key_id, access_key_password)`` the emulator accepts for Zenlayer calls."""
        key = self._config_view()["credentials"]["zenlayer"][0]
        return str(key["access_key_id"]), str(key["access_key_password"])

    # -- the control API -------------------------------------------------------------------

    def control(self, method: str, path: str, body: Any = None) -> Any:
        """Calls the control API (``/_emulator/...``) and returns its JSON answer."""
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(
            self.url + path, data=data, method=method, headers={"content-type": "application/json"}
        )
        try:
            with _NO_PROXY.open(request, timeout=30) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", errors="replace")
            raise EmulatorError(f"{method} {path}: HTTP {error.code}: {detail}") from error

    def advance(self, seconds: int) -> int:
        """Moves the emulator's clock forward; returns its new time (Unix seconds)."""
        return int(self.control("POST", "/_emulator/clock", {"advance": seconds})["now"])

    def now(self) -> int:
        return int(self.control("GET", "/_emulator/clock")["now"])

    def load_fleet(self, fleet: str | os.PathLike[str] | Mapping[str, Any]) -> None:
        """Replaces the emulator's resources with a fleet (a path or a dict)."""
        data = fleet if isinstance(fleet, Mapping) else json.loads(Path(fleet).read_text(encoding="utf-8"))
        self.control("POST", "/_emulator/fleet", data)

    def reset(self) -> None:
        """Back to the state at start: first fleet, clock and faults; call log cleared."""
        self.control("POST", "/_emulator/reset")

    def inject_fault(self, kind: str, **rule: Any) -> None:
        """Adds a fault rule: ``inject_fault("throttle", action="RebootInstance", count=1)``;
        kinds ``throttle``, ``error`` (``status=500|503`` or a ``code``), ``latency``
        (``latency_ms``); matchers ``provider``, ``action``; ``after``, ``count``."""
        self.control("POST", "/_emulator/faults", {"kind": kind, **rule})

    def clear_faults(self) -> None:
        self.control("DELETE", "/_emulator/faults")

    def calls(self, since: int = 0) -> list[dict[str, Any]]:
        """The call log after sequence number ``since``, oldest first."""
        calls = self.control("GET", f"/_emulator/calls?since={since}")["calls"]
        assert isinstance(calls, list)
        return calls

    def state(self) -> dict[str, Any]:
        """Every resource's current status and timeline."""
        state = self.control("GET", "/_emulator/state")
        assert isinstance(state, dict)
        return state

    def status(self, collection: str, resource_id: str) -> str:
        """The current status of one resource (``collection``: ``ecs``, ``service_instances``, ``zec``)."""
        for resource in self.state()["collections"][collection]:
            if resource["id"] == resource_id:
                return str(resource["status"])
        raise EmulatorError(f"no {collection} resource {resource_id}")


def _run(fleet: Fleet, config: Mapping[str, Any] | None) -> Iterator[Emulator]:
    with Emulator(fleet, config=config) as emulator:
        yield emulator


try:
    import pytest
except ImportError:  # pytest is optional: the context manager works without it
    pass
else:

    @pytest.fixture
    def emulator_fleet() -> Fleet:
        """The fleet the ``emulator`` fixture loads; override it in your conftest."""
        return None

    @pytest.fixture
    def emulator_config() -> Mapping[str, Any] | None:
        """The configuration the ``emulator`` fixture uses; override it in your conftest."""
        return None

    @pytest.fixture
    def emulator(emulator_fleet: Fleet, emulator_config: Mapping[str, Any] | None) -> Iterator[Emulator]:
        """A running emulator for one test, stopped afterwards."""
        yield from _run(emulator_fleet, emulator_config)

    __all__ += ["emulator", "emulator_fleet", "emulator_config"]
