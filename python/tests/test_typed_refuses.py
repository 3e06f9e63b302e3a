"""The types refuse what fails at run time: mypy --strict, run on calls the core would refuse,
reports each of them (an unknown operation id, an unknown language, half a credential, a
misspelt int bound, a result attribute that does not exist, a write to a result)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

mypy_api = pytest.importorskip("mypy.api")

WRONG = '''
import opgate

opgate.validate("ecs:Nope", {})                                                   # line 4
opgate.operations(lang="fr")                                                      # line 5
request = opgate.build("zec:RebootInstances", {"instanceIds": ["1"]})
opgate.sign(request, {"access_key_id": "a"})                                      # line 7
opgate.validate("ecs:RebootInstance", {}, int_bounds=[{"pth": "Period"}])         # line 8
verdict = opgate.precheck_resources("ecs:RebootInstance", [])
verdict.allowed = True                                                            # line 10
print(verdict.outcomes[0].error.code)                                             # line 11
'''

RIGHT = '''
import opgate

verdict = opgate.precheck_resources("ecs:RebootInstance", [], lang="zh")
first = verdict.outcomes[0] if verdict.outcomes else None
print(first.error.code if first is not None and first.error is not None else None)
'''


def check(tmp_path: Path, source: str) -> set[int]:
    file = tmp_path / "snippet.py"
    file.write_text(source, encoding="utf-8")
    out, _, _ = mypy_api.run(["--strict", "--no-incremental", "--python-executable", sys.executable, str(file)])
    return {int(line) for line in re.findall(r"snippet\.py:(\d+): error", out)}


def test_mypy_refuses_what_the_core_refuses(tmp_path: Path) -> None:
    assert check(tmp_path, WRONG) == {4, 5, 7, 8, 10, 11}


def test_mypy_accepts_the_right_use(tmp_path: Path) -> None:
    assert check(tmp_path, RIGHT) == set()
