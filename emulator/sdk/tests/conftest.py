"""The official SDKs against the emulator, started per test by ``opgate.testing``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # imported by the plugin below; importing it first would skip assert rewriting
    from opgate.testing import Emulator

pytest_plugins = ["opgate.testing"]

ROOT = Path(__file__).resolve().parents[3]
FLEET = ROOT / "examples" / "fleet.json"


@pytest.fixture
def emulator_fleet() -> Path:
    return FLEET


def alibaba_config(emulator: "Emulator", **extra: object):  # type: ignore[no-untyped-def]
    from alibabacloud_tea_openapi import models as open_api_models

    key_id, secret = emulator.alibaba_key
    return open_api_models.Config(
        access_key_id=key_id,
        access_key_secret=secret,
        endpoint=emulator.endpoint,
        protocol="http",
        region_id="cn-hangzhou",
        **extra,
    )
