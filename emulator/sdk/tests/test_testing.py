"""opgate.testing itself: the context manager, the fixture's overrides, and its failures."""

from __future__ import annotations

import socket
from typing import Any

import pytest

from opgate.testing import Emulator, EmulatorError, find_binary


@pytest.fixture
def emulator_fleet() -> dict[str, Any]:
    return {"now": 1_800_000_000, "ecs": [{"InstanceId": "i-fixture0000000001", "Status": "Stopped"}]}


@pytest.fixture
def emulator_config() -> dict[str, Any]:
    return {"transition_seconds": 3, "credentials": {"alibaba": [{"access_key_id": "LTAI5tFixtureKey", "access_key_secret": "fixture-secret"}]}}


def test_the_fixture_uses_the_overridden_fleet_and_config(emulator: Emulator) -> None:
    assert emulator.now() == 1_800_000_000
    assert emulator.status("ecs", "i-fixture0000000001") == "Stopped"
    assert emulator.alibaba_key == ("LTAI5tFixtureKey", "fixture-secret")
    assert emulator.control("GET", "/_emulator/config")["transition_seconds"] == 3


def test_the_context_manager_starts_on_a_free_port_and_stops() -> None:
    with Emulator() as emulator:
        port = emulator.port
        assert emulator.url == f"http://127.0.0.1:{port}"
        assert emulator.control("GET", "/_emulator/health")["ok"] is True
        emulator.load_fleet({"zec": [{"instanceId": "1", "instanceStatus": "RUNNING"}]})
        assert emulator.status("zec", "1") == "RUNNING"
    with pytest.raises(EmulatorError):
        emulator.url
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0, "the port is closed after stop"


def test_a_bad_configuration_fails_with_the_emulators_message() -> None:
    with pytest.raises(EmulatorError, match="transition_seconds"):
        Emulator(config={"transition_seconds": -5}).start()


def test_a_missing_binary_says_how_to_build_it(monkeypatch: pytest.MonkeyPatch) -> None:
    assert find_binary("/some/where") == "/some/where"
    with pytest.raises(EmulatorError, match="cannot run"):
        Emulator(binary="/nonexistent/opgate-emulator").start()
    monkeypatch.delenv("OPGATE_EMULATOR", raising=False)
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.chdir("/")
    with pytest.raises(EmulatorError, match="cargo build -p opgate-emulator"):
        find_binary()


def test_control_errors_carry_the_emulators_answer() -> None:
    with Emulator() as emulator:
        with pytest.raises(EmulatorError, match="HTTP 400"):
            emulator.control("POST", "/_emulator/clock", {"advance": -1})
