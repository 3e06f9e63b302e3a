"""Runs README.md's Python "Ten lines" unchanged against an installed opgate.

    python tests/consumer/ten_lines.py [README.md] [examples/fleet.json]

Run it with the interpreter of a clean virtualenv that has the wheel (or `pip install <repo>`)
installed: it refuses to run against the source tree. The snippet is read out of the README
(the fenced block after `<!-- consumer-test: ten-lines-python -->`), so the documentation and
this test cannot drift. The names the snippet leaves to the reader are bound here:
`describe_instances()` answers with the ECS instances of examples/fleet.json, `zec_items` and
`ids` are its ZEC instances, `key_id`/`key_secret` a made-up AccessKey (signing is local).

What must hold: every `print(...)` line of the snippet that ends in a comment prints what the
comment says (the comment is the printed text, or starts with it followed by ": " or "; "),
and the values the other comments describe are what they say.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
MARKER = "ten-lines-python"


def readme_block(readme: Path, name: str) -> str:
    """The fenced block right after `<!-- consumer-test: NAME -->`; exactly one must exist."""
    pattern = re.compile(r"<!-- consumer-test: " + re.escape(name) + r" -->\n```[a-z]*\n(.*?)\n```", re.S)
    blocks = pattern.findall(readme.read_text(encoding="utf-8"))
    if len(blocks) != 1:
        raise SystemExit(f"{readme}: expected one block marked {name!r}, found {len(blocks)}")
    return str(blocks[0])


def promised_output(snippet: str) -> list[str]:
    """The comment of every `print(...)` line, in order."""
    promised = []
    for line in snippet.splitlines():
        match = re.match(r"\s*print\(.*\)\s+# (.*)$", line)
        if match:
            promised.append(match.group(1).strip())
    return promised


def keeps_promise(printed: str, comment: str) -> bool:
    return comment == printed or comment.startswith(printed + ": ") or comment.startswith(printed + "; ")


def main(argv: list[str]) -> int:
    readme = Path(argv[1]) if len(argv) > 1 else ROOT / "README.md"
    fleet_path = Path(argv[2]) if len(argv) > 2 else ROOT / "examples" / "fleet.json"
    snippet = readme_block(readme, MARKER)
    fleet = json.loads(fleet_path.read_text(encoding="utf-8"))

    import opgate

    installed = Path(opgate.__file__).resolve()
    if ROOT in installed.parents or not Path(sys.prefix).resolve() in installed.parents:
        raise SystemExit(f"opgate was imported from {installed}, not from this interpreter's environment ({sys.prefix})")

    namespace: dict[str, Any] = {
        "__name__": "__ten_lines__",
        "describe_instances": lambda: {"Instances": {"Instance": fleet["ecs"]}, "TotalCount": len(fleet["ecs"])},
        "zec_items": fleet["zec"],
        "ids": [item["instanceId"] for item in fleet["zec"]],
        "key_id": "LTAI5tExampleKeyId",
        "key_secret": "ExampleSecret/with+chars=",
    }
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(snippet, f"{readme} (block {MARKER})", "exec"), namespace)
    printed = out.getvalue().splitlines()
    promised = promised_output(snippet)

    failures = []
    if len(printed) != len(promised):
        failures.append(f"printed {len(printed)} line(s), the comments promise {len(promised)}: {printed!r}")
    for got, comment in zip(printed, promised):
        if not keeps_promise(got, comment):
            failures.append(f"printed {got!r}, the comment says {comment!r}")

    # The comments that are not on a print line.
    verdict, signed = namespace["verdict"], namespace["signed"]
    if verdict.allowed or verdict.error is None:
        failures.append(f"the instance precheck'ed is Stopped in fleet.json; the verdict says {verdict!r}")
    if signed.algorithm != "ACS3-HMAC-SHA256":
        failures.append(f"signed with {signed.algorithm}, the comment says ACS3-HMAC-SHA256")
    authorization = [value for name, value in signed.request.headers if name.lower() == "authorization"]
    if not (authorization and authorization[0].startswith("ACS3-HMAC-SHA256 Credential=LTAI5tExampleKeyId")):
        failures.append(f"signed.request carries no ACS3 Authorization header: {signed.request.headers!r}")
    # `except ... as denied` unbinds the name, so the refused ids are checked in the output:
    # ZEC reboots only RUNNING instances, so check() must refuse every other one in fleet.json.
    refused = [f"instanceIds[{i}]" for i, item in enumerate(fleet["zec"]) if item["instanceStatus"] != "RUNNING"]
    if not printed or printed[-1] != repr(refused):
        failures.append(f"check() should refuse exactly {refused}; the last line printed is {printed[-1:]!r}")

    for failure in failures:
        print(f"ten_lines.py: {failure}", file=sys.stderr)
    if failures:
        return 1
    print(f"ten_lines.py: README's Python Ten lines ran against {installed.parent} ({len(printed)} promised lines kept)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
