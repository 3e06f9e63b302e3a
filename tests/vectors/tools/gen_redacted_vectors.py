#!/usr/bin/env python3
# Development tool; `make test` never runs it.
"""Writes tests/vectors/wire_sign_redacted.json: signed requests as shown by default, with the
security or bearer token replaced by `<redacted>`.

Each case is an SDK-recorded case from wire_sign_*.json without `include_secrets`; its
expectation is derived here, independently of the Rust code, by replacing the token where
the request carries it (header `x-acs-security-token`, query `SecurityToken`,
`Authorization: Bearer`) and rebuilding the strings that contain it: the V3 canonical request
(its string to sign is a hash and stays as the SDK computed it), the V1 sorted query and its
string to sign. The signature stays: it was computed over the real token."""
import copy
import json
import os
from urllib.parse import quote

HERE = os.path.dirname(os.path.abspath(__file__))
VECTORS = os.path.join(HERE, "..")
REDACTED = "<redacted>"
SOURCES = [
    ("wire_sign_acs3.json", "acs3 ecs reboot with sts token"),
    ("wire_sign_acs3.json", "acs3 get with path"),
    ("wire_sign_rpc_v1.json", "rpc v1 with sts token"),
    ("wire_sign_rpc_v1.json", "rpc v1 flattened lists"),
    ("wire_sign_zc2.json", "zc2 bearer token"),
]


def encode(text):
    return quote(text, safe="-_.~")


def url(request):
    query = "&".join(f"{encode(k)}={encode(v)}" for k, v in request["query"])
    return f"{request['scheme']}://{request['host']}{request['path']}" + (f"?{query}" if query else "")


def shown(signed, token):
    out = copy.deepcopy(signed)
    request = out["request"]
    for header in request["headers"]:
        if header[0].lower() == "x-acs-security-token":
            header[1] = REDACTED
        elif header[0].lower() == "authorization" and header[1].lower().startswith("bearer "):
            header[1] = "Bearer " + REDACTED
    for pair in request["query"]:
        if pair[0] == "SecurityToken":
            pair[1] = REDACTED
    request["url"] = url(request)
    if out["algorithm"] == "ACS3-HMAC-SHA256" and token is not None:
        lines = out["canonical_request"].split("\n")
        out["canonical_request"] = "\n".join(
            "x-acs-security-token:" + REDACTED if line == "x-acs-security-token:" + token.strip() else line for line in lines
        )
    if out["algorithm"] == "HMAC-SHA1" and token is not None:
        pairs = [p.split("=", 1) for p in out["canonical_request"].split("&")]
        out["canonical_request"] = "&".join(f"{k}={encode(REDACTED) if k == 'SecurityToken' else v}" for k, v in pairs)
        method = out["string_to_sign"].split("&", 1)[0]
        out["string_to_sign"] = f"{method}&{encode('/')}&{encode(out['canonical_request'])}"
    return out


def main():
    cases = []
    for file, name in SOURCES:
        with open(os.path.join(VECTORS, file), encoding="utf-8") as f:
            source = next(c for c in json.load(f)["cases"] if c["name"] == name)
        args = {k: v for k, v in source["args"].items() if k != "include_secrets"}
        credentials = args["credentials"]
        token = credentials.get("security_token", credentials.get("bearer_token"))
        expect = {"ok": shown(source["expect"]["ok"], token)}
        text = json.dumps(expect, ensure_ascii=False)
        assert token not in text, name
        cases.append({"name": f"{name}, shown without the token", "call": "sign", "args": args, "expect": expect})
    path = os.path.join(VECTORS, "wire_sign_redacted.json")
    with open(path, "w", encoding="utf-8") as f:
        description = ("Signed requests as shown by default: the security or bearer token replaced by <redacted> "
                       "(derived from the SDK-recorded cases by tools/gen_redacted_vectors.py).")
        json.dump({"description": description, "cases": cases}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"wrote {path} ({len(cases)} cases)")


if __name__ == "__main__":
    main()
