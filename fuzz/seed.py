#!/usr/bin/env python3
"""Writes the starting corpus of each fuzz target from the conformance vectors
(tests/vectors/*.json), in the input layout each target reads (see fuzz/fuzz_targets/).
Run by fuzz/run.sh before fuzzing; the corpus is generated, never committed.

    python3 fuzz/seed.py [corpus-dir]     (default: fuzz/corpus)
"""
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
VECTORS = os.path.join(HERE, "..", "tests", "vectors")
OPERATIONS = [
    "ecs:RebootInstance",
    "computenestsupplier:RestartServiceInstance",
    "computenest:RenewServiceInstanceResources",
    "zec:RebootInstances",
]
# libFuzzer's default -max_len is 4096; longer seeds would only be cut.
MAX_SEED = 64 * 1024


def op_byte(args):
    operation = args.get("operation")
    return bytes([OPERATIONS.index(operation) if operation in OPERATIONS else 0])


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


# fuzz_targets/request.rs reads its first byte as operation | credentials << 2 | algorithm << 4
# | check << 6: AccessKey with ACS3, STS with HMAC-SHA1, bearer with ZC2 and check().
REQUEST_CHOICES = (0x00, 0x14, 0x68)


def request_seeds(args, body):
    for choice in REQUEST_CHOICES:
        yield "request", bytes([op_byte(args)[0] | choice]) + body


def seeds(case):
    """(target, bytes) pairs for one vector case."""
    call, args = case["call"], case["args"]
    if call == "parse_response":
        # Some vectors pass arguments of the wrong type on purpose (the host-input cases):
        # such a status or header list has no byte layout here and seeds the default instead.
        status = args.get("status")
        status = status % 700 if isinstance(status, int) and not isinstance(status, bool) else 200
        pairs = args.get("headers")
        pairs = pairs.items() if isinstance(pairs, dict) else pairs if isinstance(pairs, list) else []
        headers = "".join(f"{pair[0]}: {pair[1]}\n" for pair in pairs if isinstance(pair, (list, tuple)) and len(pair) == 2)
        yield "parse_response", op_byte(args) + status.to_bytes(2, "big") + headers.encode("utf-8") + b"\0" + str(args.get("body", "")).encode("utf-8")
    elif call in ("validate", "build"):
        yield from request_seeds(args, compact(args.get("params")))
    elif call in ("precheck", "check"):
        yield from request_seeds(args, compact({"params": args.get("params"), "resources": args.get("resources")}))
    elif call == "precheck_resources":
        yield from request_seeds(args, compact({"params": None, "resources": args.get("resources")}))
    elif call == "ram_parse_policy":
        policy = args.get("policy")
        yield "ram", b"\0" + (policy.encode("utf-8") if isinstance(policy, str) else compact(policy))
        yield "ram", b"\1" + compact({"policies": [policy], "action": "ecs:RebootInstance", "resource": "acs:ecs:cn-hangzhou:1488317743351199:instance/i-1", "context": {}})
    elif call == "ram_evaluate":
        yield "ram", b"\1" + compact({k: args.get(k) for k in ("policies", "action", "resource", "context")})
    elif call == "ram_authorize":
        yield "ram", b"\2" + compact({k: args.get(k) for k in ("operation", "params", "region", "account_id", "policies", "context")})


def wildcard_seeds():
    for pattern, text in [("acs:ecs:*:*:instance/*", "acs:ecs:cn-hangzhou:1488317743351199:instance/i-1"), ("ecs:Reboot?nstance", "ecs:RebootInstance"), ("a*b*?c", "aXbYc"), ("*" + "a" * 70 + "?", "a" * 80), ("中*?", "中文")]:
        yield "ram", b"\3" + pattern.encode("utf-8") + b"\0" + text.encode("utf-8")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "corpus")
    written = {}
    def write(target, data):
        if len(data) > MAX_SEED:
            return
        directory = os.path.join(out, target)
        os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, hashlib.sha1(data).hexdigest()), "wb") as f:
            f.write(data)
        written[target] = written.get(target, 0) + 1
    for name in sorted(os.listdir(VECTORS)):
        # hostile.json's arguments are recipes for megabyte values, not inputs.
        if not name.endswith(".json") or name == "hostile.json":
            continue
        with open(os.path.join(VECTORS, name), encoding="utf-8") as f:
            for case in json.load(f)["cases"]:
                for target, data in seeds(case):
                    write(target, data)
    for target, data in wildcard_seeds():
        write(target, data)
    for target in sorted(written):
        print(f"seeded fuzz/corpus/{target}: {written[target]} inputs from the vectors")


if __name__ == "__main__":
    main()
