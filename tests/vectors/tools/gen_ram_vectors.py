#!/usr/bin/env python3
# Development tool; `make test` never runs it.
"""Writes tests/vectors/ram_*.json. Expectations are stated by hand per case; messages come
from an independent copy of the message templates below."""
import json, os, sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
ACCOUNT = "1488317743351199"
REGION = "cn-hangzhou"
ECS_ID = "i-bp67acfmxazb4ph1abcd"
SI_ID = "si-d6ab3a63ccbb4b17a0f1"
ECS_ARN = f"acs:ecs:{REGION}:{ACCOUNT}:instance/{ECS_ID}"
CNS_ARN = f"acs:computenestsupplier:{REGION}:{ACCOUNT}:serviceinstance/{SI_ID}"
CN_ARN = f"acs:computenest:{REGION}:{ACCOUNT}:serviceinstance/{SI_ID}"
REBOOT = "ecs:RebootInstance"
RESTART = "computenestsupplier:RestartServiceInstance"
RENEW = "computenest:RenewServiceInstanceResources"

def clip(s):
    return s if len(s) <= 64 else s[:64] + "…"

# ---------- message templates (mirror of src/ram) ----------
def reason(decision, action, resource, lang, p=None, s=None):
    if decision == "allow":
        return {"en": f"Allowed: statement {s} of policy {p} allows {action} on {resource}.",
                "zh": f"允许：策略 {p} 的语句 {s} 允许对 {resource} 执行 {action}。"}[lang]
    if decision == "explicit_deny":
        return {"en": f"Explicit deny: statement {s} of policy {p} denies {action} on {resource}; an explicit Deny overrides any Allow.",
                "zh": f"显式拒绝：策略 {p} 的语句 {s} 拒绝对 {resource} 执行 {action}；显式 Deny 优先于任何 Allow。"}[lang]
    return {"en": f"Implicit deny: no statement allows {action} on {resource}; RAM denies by default.",
            "zh": f"隐式拒绝：没有语句允许对 {resource} 执行 {action}；RAM 默认拒绝。"}[lang]

def err(code, message, field, status=400):
    return {"code": code, "http_status": status, "message": message, "field": field, "retryable": False}

def report(kind, *errors):
    return {"error": {"kind": kind, "errors": list(errors)}}

def malformed(field, en, zh=None, lang="en"):
    return err("MalformedPolicyDocument", en if lang == "en" else zh, field)

M = {  # en, zh
    "missing": lambda e: (f"{e} is required.", f"缺少必需元素 {e}。"),
    "string": lambda e: (f"{e} must be a string.", f"{e} 必须是字符串。"),
    "version_type": lambda: ("Version must be the string \"1\".", "Version 必须是字符串 \"1\"。"),
    "version": lambda v: (f"The policy version \"{clip(v)}\" is not supported; RAM policies use \"1\".", f"不支持权限策略版本 \"{clip(v)}\"；RAM 权限策略的版本为 \"1\"。"),
    "stmt_empty": lambda: ("Statement must list at least one statement.", "Statement 至少要包含一条语句。"),
    "stmt_array": lambda: ("Statement must be an array of statements.", "Statement 必须是语句数组。"),
    "stmt_object": lambda: ("A statement must be a JSON object.", "语句必须是 JSON 对象。"),
    "effect": lambda v: (f"The effect \"{clip(v)}\" is not valid; use \"Allow\" or \"Deny\" (case-sensitive).", f"Effect 值 \"{clip(v)}\" 无效；请使用 \"Allow\" 或 \"Deny\"（区分大小写）。"),
    "effect_type": lambda: ("Effect must be the string \"Allow\" or \"Deny\".", "Effect 必须是字符串 \"Allow\" 或 \"Deny\"。"),
    "both": lambda: ("A statement uses either Action or NotAction, not both.", "一条语句只能使用 Action 或 NotAction 之一。"),
    "empty_list": lambda e: (f"{e} must list at least one entry.", f"{e} 至少要包含一项。"),
    "action": lambda a: (f"The action \"{clip(a)}\" must have the form <ram-code>:<action-name>, e.g. ecs:RebootInstance, or be *.", f"操作 \"{clip(a)}\" 必须符合 <ram-code>:<action-name> 格式（例如 ecs:RebootInstance），或为 *。"),
    "resource": lambda r: (f"The resource \"{clip(r)}\" must be * or an ARN starting with acs:, e.g. acs:ecs:*:*:instance/*.", f"资源 \"{clip(r)}\" 必须为 * 或以 acs: 开头的 ARN，例如 acs:ecs:*:*:instance/*。"),
    "principal": lambda: ("Principal belongs to resource-based and trust policies; an identity policy cannot use it.", "Principal 仅用于基于资源的策略和信任策略，身份权限策略不能使用。"),
    "notresource": lambda: ("RAM policies do not support NotResource.", "RAM 权限策略不支持 NotResource。"),
    "meant": lambda n, m: (f"Unknown element \"{clip(n)}\"; element names are case-sensitive: did you mean \"{m}\"?", f"未知元素 \"{clip(n)}\"；元素名区分大小写，是否应为 \"{m}\"？"),
    "unknown": lambda n, known: (f"Unknown element \"{clip(n)}\"; allowed here: {', '.join(known)}.", f"未知元素 \"{clip(n)}\"；此处允许：{', '.join(known)}。"),
    "cond_object": lambda: ("Condition must be an object of operators, e.g. {\"IpAddress\": {...}}.", "Condition 必须是以条件运算符为键的对象，例如 {\"IpAddress\": {...}}。"),
    "operator": lambda o: (f"Unknown condition operator \"{clip(o)}\" (operators are case-sensitive); supported: {', '.join(OPS)}.", f"未知条件运算符 \"{clip(o)}\"（区分大小写）；支持：{', '.join(OPS)}。"),
    "op_empty": lambda: ("An operator must map at least one condition key to its values, e.g. {\"acs:SourceIp\": \"10.0.0.0/8\"}.", "条件运算符必须至少将一个条件键映射到其取值，例如 {\"acs:SourceIp\": \"10.0.0.0/8\"}。"),
    "cond_key": lambda k: (f"The condition key \"{clip(k)}\" must have the form <prefix>:<name>, e.g. acs:SourceIp.", f"条件键 \"{clip(k)}\" 必须符合 <prefix>:<name> 格式，例如 acs:SourceIp。"),
    "no_values": lambda: ("A condition key needs at least one value.", "条件键至少需要一个取值。"),
    "bool_multi": lambda: ("Bool takes exactly one value, \"true\" or \"false\".", "Bool 只能有一个取值：\"true\" 或 \"false\"。"),
    "not_json": lambda l, c: (f"The policy document is not valid JSON (line {l}, column {c}).", f"权限策略不是合法的 JSON（第 {l} 行，第 {c} 列）。"),
    "too_deep": lambda: ("The policy document is nested more than 128 levels deep.", "权限策略的嵌套超过 128 层。"),
    "doc_kind": lambda: ("A policy document must be a JSON object or JSON text.", "权限策略必须是 JSON 对象或 JSON 文本。"),
    "doc_object": lambda: ("A policy document must be a JSON object.", "权限策略必须是 JSON 对象。"),
}
OPS = ["StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
       "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals",
       "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
       "Bool", "IpAddress", "NotIpAddress"]
EXPECT = {"String": ("a string", "字符串"), "Numeric": ("a number", "数字"),
          "Date": ("an ISO 8601 UTC time such as 2017-11-11T23:59:59Z", "ISO 8601 UTC 时间，例如 2017-11-11T23:59:59Z"),
          "Bool": ("\"true\" or \"false\"", "\"true\" 或 \"false\""),
          "Ip": ("an IP address or CIDR block such as 10.0.0.0/8", "IP 地址或 CIDR 网段，例如 10.0.0.0/8")}

def family(op):
    for f in ("String", "Numeric", "Date"):
        if op.startswith(f):
            return f
    return "Bool" if op == "Bool" else "Ip"

def bad_value(op, shown, shown_zh=None):
    en, zh = EXPECT[family(op)]
    return (f"{op} needs {en}; got {shown}.", f"{op} 需要{zh}；实际为 {shown_zh or shown}。")

def length(n):
    return err("InvalidParameter.PolicyDocument.Length",
               f"The policy document is {n} characters long; it must be 1 to 6144 characters.", "policy")

def length_zh(n):
    return f"权限策略长度为 {n} 个字符，必须为 1 到 6144 个字符。"

def pe(field, pair, lang="en"):
    return malformed(field, pair[0], pair[1], lang)

def ctx_err(field, en, zh=None, lang="en"):
    return report("input", err("InvalidParameter.Context", en if lang == "en" else zh, field))

def ctx_value(v, en, zh):
    return (f"The context value \"{v}\" must be {en}.", f"上下文值 \"{v}\" 必须是{zh}。")

# ---------- builders ----------
def stmt(effect="Allow", action=REBOOT, resource="*", condition=None, key="Action"):
    s = {"Effect": effect, key: action, "Resource": resource}
    if condition is not None:
        s["Condition"] = condition
    return s

def pol(*statements):
    return {"Version": "1", "Statement": list(statements)}

def listify(v):
    return v if isinstance(v, list) else [v]

def parsed_stmt(effect="Allow", action=REBOOT, resource="*", conditions=(), key="action", sid=None):
    out = {"sid": sid, "effect": effect, key: listify(action), "resources": listify(resource),
           "conditions": [{"operator": o, "key": k, "values": v} for o, k, v in conditions]}
    return out

cases = {"ram_parse.json": [], "ram_evaluate.json": [], "ram_authorize.json": []}

def add(file, name, call, args, expect):
    cases[file].append({"name": name, "call": call, "args": args, "expect": expect})

# ================= ram_parse_policy =================
P = "ram_parse.json"
def parse_case(name, policy, expect, lang="en"):
    add(P, name, "ram_parse_policy", {"policy": policy, "lang": lang}, expect)

def ok_policy(*stmts):
    return {"ok": {"version": "1", "statements": list(stmts)}}

parse_case("parse_minimal_object", pol(stmt()), ok_policy(parsed_stmt()))
text_doc = json.dumps({"Version": "1", "Statement": [
    {"Sid": "RebootFromOffice", "Effect": "Allow", "Action": ["ecs:RebootInstance", "ecs:Describe*"],
     "Resource": ["acs:ecs:*:*:instance/*"], "Condition": {"IpAddress": {"acs:SourceIp": ["10.0.0.0/8", "2001:db8::/32"]}, "Bool": {"acs:SecureTransport": "true"}}},
    {"Effect": "Deny", "NotAction": "ecs:Describe*", "Resource": "*"}]})
parse_case("parse_json_text_with_sid_notaction_and_conditions", text_doc, ok_policy(
    parsed_stmt(action=["ecs:RebootInstance", "ecs:Describe*"], resource=["acs:ecs:*:*:instance/*"], sid="RebootFromOffice",
                conditions=[("IpAddress", "acs:SourceIp", ["10.0.0.0/8", "2001:db8::/32"]), ("Bool", "acs:SecureTransport", ["true"])]),
    parsed_stmt(effect="Deny", action="ecs:Describe*", key="not_action")))
parse_case("parse_condition_numbers_and_booleans_become_text",
           pol(stmt(condition={"NumericLessThan": {"ecs:Count": 10}, "Bool": {"acs:MFAPresent": True}, "NumericEquals": {"ecs:Ratio": ["1.5", 2]}})),
           ok_policy(parsed_stmt(conditions=[("NumericLessThan", "ecs:Count", ["10"]), ("Bool", "acs:MFAPresent", ["true"]), ("NumericEquals", "ecs:Ratio", ["1.5", "2"])])))
parse_case("parse_every_operator_family", pol(stmt(condition={
    "StringEquals": {"acs:SourceVpc": "vpc-1"}, "StringNotEquals": {"acs:SourceVpc": "vpc-2"},
    "StringEqualsIgnoreCase": {"acs:ResourceTag/env": "Prod"}, "StringNotEqualsIgnoreCase": {"acs:ResourceTag/env": "Dev"},
    "StringLike": {"acs:SourceVpc": "vpc-*"}, "StringNotLike": {"acs:SourceVpc": "vpc-test?"},
    "NumericEquals": {"ecs:N": "1"}, "NumericNotEquals": {"ecs:N": "2"}, "NumericLessThan": {"ecs:N": "3"},
    "NumericLessThanEquals": {"ecs:N": "4"}, "NumericGreaterThan": {"ecs:N": "0"}, "NumericGreaterThanEquals": {"ecs:N": "-1.5"},
    "DateEquals": {"acs:CurrentTime": "2024-01-01T00:00:00Z"}, "DateNotEquals": {"acs:CurrentTime": "2024-01-02T00:00Z"},
    "DateLessThan": {"acs:CurrentTime": "2030-01-01T00:00:00Z"}, "DateLessThanEquals": {"acs:CurrentTime": "2030-01-01T00:00:00Z"},
    "DateGreaterThan": {"acs:CurrentTime": "2020-01-01T00:00:00Z"}, "DateGreaterThanEquals": {"acs:CurrentTime": "2020-01-01T00:00:00.5Z"},
    "Bool": {"acs:SecureTransport": "false"}, "IpAddress": {"acs:SourceIp": "203.0.113.7"}, "NotIpAddress": {"acs:SourceIp": "::1/128"}})),
    ok_policy(parsed_stmt(conditions=[
        ("StringEquals", "acs:SourceVpc", ["vpc-1"]), ("StringNotEquals", "acs:SourceVpc", ["vpc-2"]),
        ("StringEqualsIgnoreCase", "acs:ResourceTag/env", ["Prod"]), ("StringNotEqualsIgnoreCase", "acs:ResourceTag/env", ["Dev"]),
        ("StringLike", "acs:SourceVpc", ["vpc-*"]), ("StringNotLike", "acs:SourceVpc", ["vpc-test?"]),
        ("NumericEquals", "ecs:N", ["1"]), ("NumericNotEquals", "ecs:N", ["2"]), ("NumericLessThan", "ecs:N", ["3"]),
        ("NumericLessThanEquals", "ecs:N", ["4"]), ("NumericGreaterThan", "ecs:N", ["0"]), ("NumericGreaterThanEquals", "ecs:N", ["-1.5"]),
        ("DateEquals", "acs:CurrentTime", ["2024-01-01T00:00:00Z"]), ("DateNotEquals", "acs:CurrentTime", ["2024-01-02T00:00Z"]),
        ("DateLessThan", "acs:CurrentTime", ["2030-01-01T00:00:00Z"]), ("DateLessThanEquals", "acs:CurrentTime", ["2030-01-01T00:00:00Z"]),
        ("DateGreaterThan", "acs:CurrentTime", ["2020-01-01T00:00:00Z"]), ("DateGreaterThanEquals", "acs:CurrentTime", ["2020-01-01T00:00:00.5Z"]),
        ("Bool", "acs:SecureTransport", ["false"]), ("IpAddress", "acs:SourceIp", ["203.0.113.7"]), ("NotIpAddress", "acs:SourceIp", ["::1/128"])])))
parse_case("parse_empty_condition_object_means_no_conditions", pol(stmt(condition={})), ok_policy(parsed_stmt()))

S0 = "policy.Statement[0]"
parse_case("malformed_wrong_version", {"Version": "2012-10-17", "Statement": [stmt()]},
           report("policy", pe("policy.Version", M["version"]("2012-10-17"))))
parse_case("malformed_wrong_version_zh", {"Version": "2012-10-17", "Statement": [stmt()]},
           report("policy", pe("policy.Version", M["version"]("2012-10-17"), "zh")), lang="zh")
parse_case("malformed_version_number", {"Version": 1, "Statement": [stmt()]}, report("policy", pe("policy.Version", M["version_type"]())))
parse_case("malformed_missing_version", {"Statement": [stmt()]}, report("policy", pe("policy.Version", M["missing"]("Version"))))
parse_case("malformed_missing_statement", {"Version": "1"}, report("policy", pe("policy.Statement", M["missing"]("Statement"))))
parse_case("malformed_statement_not_array", {"Version": "1", "Statement": stmt()}, report("policy", pe("policy.Statement", M["stmt_array"]())))
parse_case("malformed_statement_empty", {"Version": "1", "Statement": []}, report("policy", pe("policy.Statement", M["stmt_empty"]())))
parse_case("malformed_statement_not_object", {"Version": "1", "Statement": ["Allow everything"]}, report("policy", pe(S0, M["stmt_object"]())))
parse_case("malformed_missing_effect", pol({"Action": REBOOT, "Resource": "*"}), report("policy", pe(f"{S0}.Effect", M["missing"]("Effect"))))
parse_case("malformed_missing_effect_zh", pol({"Action": REBOOT, "Resource": "*"}), report("policy", pe(f"{S0}.Effect", M["missing"]("Effect"), "zh")), lang="zh")
parse_case("malformed_effect_lowercase", pol(stmt(effect="allow")), report("policy", pe(f"{S0}.Effect", M["effect"]("allow"))))
parse_case("malformed_effect_not_string", pol(stmt(effect=True)), report("policy", pe(f"{S0}.Effect", M["effect_type"]())))
parse_case("malformed_action_not_string", pol(stmt(action=5)), report("policy", pe(f"{S0}.Action", M["string"]("Action"))))
parse_case("malformed_action_item_not_string", pol(stmt(action=[REBOOT, {"name": "x"}])), report("policy", pe(f"{S0}.Action[1]", M["string"]("Action"))))
parse_case("malformed_action_empty_list", pol(stmt(action=[])), report("policy", pe(f"{S0}.Action", M["empty_list"]("Action"))))
parse_case("malformed_action_without_service_prefix", pol(stmt(action=["RebootInstance", "ecs:"])), report("policy",
           pe(f"{S0}.Action[0]", M["action"]("RebootInstance")), pe(f"{S0}.Action[1]", M["action"]("ecs:"))))
parse_case("malformed_action_and_notaction", pol({"Effect": "Allow", "Action": REBOOT, "NotAction": "ecs:Delete*", "Resource": "*"}),
           report("policy", pe(f"{S0}.NotAction", M["both"]())))
parse_case("malformed_no_action", pol({"Effect": "Allow", "Resource": "*"}), report("policy", pe(f"{S0}.Action", M["missing"]("Action"))))
parse_case("malformed_notaction_not_string", pol(stmt(action=[None], key="NotAction")), report("policy", pe(f"{S0}.NotAction[0]", M["string"]("NotAction"))))
parse_case("malformed_missing_resource", pol({"Effect": "Allow", "Action": REBOOT}), report("policy", pe(f"{S0}.Resource", M["missing"]("Resource"))))
parse_case("malformed_resource_aws_arn", pol(stmt(resource=["acs:ecs:*:*:instance/*", "arn:aws:ec2:*:*:instance/*"])),
           report("policy", pe(f"{S0}.Resource[1]", M["resource"]("arn:aws:ec2:*:*:instance/*"))))
parse_case("malformed_unknown_top_level_element", {"Version": "1", "Id": "x", "Statement": [stmt()]},
           report("policy", pe("policy.Id", M["unknown"]("Id", ["Version", "Statement"]))))
parse_case("malformed_element_names_are_case_sensitive", pol({"effect": "Allow", "Action": REBOOT, "Resource": "*"}), report("policy",
           pe(f"{S0}.effect", M["meant"]("effect", "Effect")), pe(f"{S0}.Effect", M["missing"]("Effect"))))
parse_case("malformed_principal_in_identity_policy", pol(dict(stmt(), Principal={"RAM": ["acs:ram::1488317743351199:root"]})),
           report("policy", pe(f"{S0}.Principal", M["principal"]())))
parse_case("malformed_notresource_unsupported", pol({"Effect": "Allow", "Action": REBOOT, "Resource": "*", "NotResource": "acs:ecs:*:*:instance/i-1"}),
           report("policy", pe(f"{S0}.NotResource", M["notresource"]())))
parse_case("malformed_sid_not_string", pol(dict(stmt(), Sid=7)), report("policy", pe(f"{S0}.Sid", M["string"]("Sid"))))
parse_case("malformed_condition_not_object", pol(stmt(condition=["IpAddress"])), report("policy", pe(f"{S0}.Condition", M["cond_object"]())))
parse_case("malformed_unknown_operator_ifexists", pol(stmt(condition={"StringEqualsIfExists": {"acs:SourceVpc": "vpc-1"}})),
           report("policy", pe(f"{S0}.Condition.StringEqualsIfExists", M["operator"]("StringEqualsIfExists"))))
parse_case("malformed_operator_is_case_sensitive", pol(stmt(condition={"ipaddress": {"acs:SourceIp": "10.0.0.0/8"}})),
           report("policy", pe(f"{S0}.Condition.ipaddress", M["operator"]("ipaddress"))))
parse_case("malformed_operator_without_keys", pol(stmt(condition={"IpAddress": {}})), report("policy", pe(f"{S0}.Condition.IpAddress", M["op_empty"]())))
parse_case("malformed_condition_key_without_prefix", pol(stmt(condition={"IpAddress": {"SourceIp": "10.0.0.0/8"}})),
           report("policy", pe(f"{S0}.Condition.IpAddress.SourceIp", M["cond_key"]("SourceIp"))))
parse_case("malformed_ip_value", pol(stmt(condition={"IpAddress": {"acs:SourceIp": ["10.0.0.0/8", "10.0.0.300"]}})),
           report("policy", pe(f"{S0}.Condition.IpAddress.acs:SourceIp[1]", bad_value("IpAddress", "\"10.0.0.300\""))))
parse_case("malformed_cidr_prefix_too_long", pol(stmt(condition={"NotIpAddress": {"acs:SourceIp": "10.0.0.0/33"}})),
           report("policy", pe(f"{S0}.Condition.NotIpAddress.acs:SourceIp", bad_value("NotIpAddress", "\"10.0.0.0/33\""))))
parse_case("malformed_numeric_value", pol(stmt(condition={"NumericLessThan": {"ecs:Count": "abc"}})),
           report("policy", pe(f"{S0}.Condition.NumericLessThan.ecs:Count", bad_value("NumericLessThan", "\"abc\""))))
parse_case("malformed_numeric_nan_is_not_a_number", pol(stmt(condition={"NumericEquals": {"ecs:Count": "NaN"}})),
           report("policy", pe(f"{S0}.Condition.NumericEquals.ecs:Count", bad_value("NumericEquals", "\"NaN\""))))
parse_case("malformed_date_value", pol(stmt(condition={"DateLessThan": {"acs:CurrentTime": "yesterday"}})),
           report("policy", pe(f"{S0}.Condition.DateLessThan.acs:CurrentTime", bad_value("DateLessThan", "\"yesterday\""))))
parse_case("malformed_date_with_offset_zh", pol(stmt(condition={"DateGreaterThan": {"acs:CurrentTime": "2024-01-01T08:00:00+08:00"}})),
           report("policy", pe(f"{S0}.Condition.DateGreaterThan.acs:CurrentTime", bad_value("DateGreaterThan", "\"2024-01-01T08:00:00+08:00\""), "zh")), lang="zh")
parse_case("malformed_bool_multiple_values", pol(stmt(condition={"Bool": {"acs:SecureTransport": ["true", "false"]}})),
           report("policy", pe(f"{S0}.Condition.Bool.acs:SecureTransport", M["bool_multi"]())))
parse_case("malformed_bool_value", pol(stmt(condition={"Bool": {"acs:MFAPresent": "yes"}})),
           report("policy", pe(f"{S0}.Condition.Bool.acs:MFAPresent", bad_value("Bool", "\"yes\""))))
parse_case("malformed_bool_value_is_case_sensitive", pol(stmt(condition={"Bool": {"acs:MFAPresent": "True"}})),
           report("policy", pe(f"{S0}.Condition.Bool.acs:MFAPresent", bad_value("Bool", "\"True\""))))
parse_case("malformed_condition_value_nested_junk", pol(stmt(condition={"StringEquals": {"acs:SourceVpc": [["vpc-1", [{"deep": [[["x"]]]}]], None]}})),
           report("policy", pe(f"{S0}.Condition.StringEquals.acs:SourceVpc[0]", bad_value("StringEquals", "an array", "数组")),
                  pe(f"{S0}.Condition.StringEquals.acs:SourceVpc[1]", bad_value("StringEquals", "null"))))
parse_case("malformed_condition_value_object", pol(stmt(condition={"StringLike": {"acs:SourceVpc": {"a": 1}}})),
           report("policy", pe(f"{S0}.Condition.StringLike.acs:SourceVpc", bad_value("StringLike", "an object", "对象"))))
parse_case("malformed_condition_no_values", pol(stmt(condition={"StringEquals": {"acs:SourceVpc": []}})),
           report("policy", pe(f"{S0}.Condition.StringEquals.acs:SourceVpc", M["no_values"]())))
parse_case("malformed_every_problem_reported", {"Version": "1", "Statement": [
    {"Action": REBOOT, "Resource": "*"},
    stmt(effect="Deny", action="reboot", condition={"IpAdress": {"acs:SourceIp": "10.0.0.1"}, "Bool": {"acs:SecureTransport": "maybe"}})]},
    report("policy", pe(f"{S0}.Effect", M["missing"]("Effect")),
           pe("policy.Statement[1].Action", M["action"]("reboot")),
           pe("policy.Statement[1].Condition.IpAdress", M["operator"]("IpAdress")),
           pe("policy.Statement[1].Condition.Bool.acs:SecureTransport", bad_value("Bool", "\"maybe\""))))
parse_case("malformed_not_json_text", "{\"Version\": \"1\", \"Statement\": [}", report("policy", pe("policy", M["not_json"](1, 32))))
parse_case("malformed_json_text_is_an_array", "[{\"Version\": \"1\"}]", report("policy", pe("policy", M["doc_object"]())))
parse_case("malformed_policy_is_null", None, report("policy", pe("policy", M["doc_kind"]())))
parse_case("malformed_policy_is_number", 42, report("policy", pe("policy", M["doc_kind"]())))
parse_case("malformed_deeply_nested_json_text", "[" * 200 + "]" * 200, report("policy", pe("policy", M["too_deep"]())))
parse_case("malformed_empty_text", "", report("policy", length(0)))
parse_case("malformed_whitespace_text", "   ", report("policy", pe("policy", M["not_json"](1, 3))))
parse_case("malformed_long_unknown_operator_is_clipped", pol(stmt(condition={"X" * 100: {"acs:SourceIp": "10.0.0.1"}})),
           report("policy", pe(f"{S0}.Condition.{'X' * 64}…", M["operator"]("X" * 100))))

base_text = json.dumps(pol(stmt()))
def padded(n):
    return base_text[:-1] + " " * (n - len(base_text)) + "}"
assert len(padded(6144)) == 6144 and len(padded(6145)) == 6145
parse_case("length_6144_characters_is_accepted", padded(6144), ok_policy(parsed_stmt()))
parse_case("length_6145_characters_is_refused", padded(6145), report("policy", length(6145)))
long_actions = [f"ecs:Action{i:04d}" for i in range(400)]
long_obj = pol(stmt(action=long_actions))
long_len = len(json.dumps(long_obj, separators=(",", ":"), ensure_ascii=False))
assert long_len > 6144
parse_case("length_object_counted_compact", long_obj, report("policy", length(long_len)))
too_long_bad = "{\"Version\": \"2\"," + " " * 6200 + "\"Statement\": []}"
# A document over the limit is not read further: its other problems wait until it is shortened.
parse_case("length_problem_alone_when_too_long_zh", too_long_bad, report("policy",
    dict(length(len(too_long_bad)), message=length_zh(len(too_long_bad)))), lang="zh")
add(P, "parse_unsupported_lang", "ram_parse_policy", {"policy": pol(stmt()), "lang": "fr"},
    report("input", err("InvalidParameter.Lang", "The language \"fr\" is not supported; use \"en\" or \"zh\".", "lang")))

# ================= ram_evaluate =================
E = "ram_evaluate.json"
def eval_case(name, policies, decision, p=None, s=None, action=REBOOT, resource=ECS_ARN, context=None, lang="en"):
    args = {"policies": policies, "action": action, "resource": resource, "context": context or {}, "lang": lang}
    add(E, name, "ram_evaluate", args, {"ok": {"action": action, "resource": resource, "decision": decision,
        "policy_index": p, "statement_index": s, "reason": reason(decision, action, resource, lang, p, s)}})

def allow_if(condition):
    return [pol(stmt(condition=condition))]

eval_case("exact_action_and_resource", [pol(stmt(resource=ECS_ARN))], "allow", 0, 0)
eval_case("exact_action_and_resource_zh", [pol(stmt(resource=ECS_ARN))], "allow", 0, 0, lang="zh")
eval_case("action_is_case_insensitive", [pol(stmt(action="ECS:rebootinstance"))], "allow", 0, 0)
eval_case("action_star_suffix", [pol(stmt(action="ecs:Reboot*"))], "allow", 0, 0)
eval_case("action_question_mark", [pol(stmt(action="ecs:Reboot?nstance"))], "allow", 0, 0)
eval_case("action_question_mark_needs_exactly_one_char", [pol(stmt(action="ecs:Reboot?"))], "implicit_deny")
eval_case("action_star_alone", [pol(stmt(action="*"))], "allow", 0, 0)
eval_case("action_other_service", [pol(stmt(action="ecs2:*"))], "implicit_deny")
eval_case("action_not_listed", [pol(stmt(action=["ecs:StartInstance", "ecs:StopInstance"]))], "implicit_deny")
eval_case("action_any_listed_matches", [pol(stmt(action=["ecs:StartInstance", "ecs:RebootInstance"]))], "allow", 0, 0)
eval_case("resource_is_case_sensitive", [pol(stmt(resource=ECS_ARN.replace("instance/", "Instance/")))], "implicit_deny")
eval_case("resource_wildcard_any_region_account", [pol(stmt(resource="acs:ecs:*:*:instance/*"))], "allow", 0, 0)
eval_case("resource_question_mark", [pol(stmt(resource=ECS_ARN[:-1] + "?"))], "allow", 0, 0)
eval_case("resource_other_region", [pol(stmt(resource="acs:ecs:cn-beijing:*:instance/*"))], "implicit_deny")
eval_case("resource_other_account", [pol(stmt(resource="acs:ecs:*:1111111111111111:*"))], "implicit_deny")
eval_case("resource_any_listed_matches", [pol(stmt(resource=["acs:ecs:*:*:disk/*", "acs:ecs:*:*:instance/i-bp67*"]))], "allow", 0, 0)
eval_case("pathological_wildcard_does_not_hang", [pol(stmt(action="e*c*s*:*R*e*b*o*o*t*I*n*s*t*a*n*c*e*X", resource="acs:a*a*a*a*a*a*a*a*a*a*b"))], "implicit_deny",
          action="ecs:RebootInstance" + "e" * 300, resource="acs:" + "a" * 500)
eval_case("notaction_allows_everything_else", [pol(stmt(action="ecs:Delete*", key="NotAction"))], "allow", 0, 0)
eval_case("notaction_excludes_listed", [pol(stmt(action=["ecs:Delete*", "ecs:Reboot*"], key="NotAction"))], "implicit_deny")
eval_case("notaction_deny_blocks_everything_else", [pol(stmt(), stmt(effect="Deny", action="ecs:Describe*", key="NotAction"))], "explicit_deny", 0, 1)
eval_case("notaction_deny_spares_listed", [pol(stmt(action="*"), stmt(effect="Deny", action="ecs:Reboot*", key="NotAction"))], "allow", 0, 0)
eval_case("explicit_deny_beats_allow_same_policy", [pol(stmt(action="ecs:*"), stmt(effect="Deny", resource=ECS_ARN))], "explicit_deny", 0, 1)
eval_case("explicit_deny_beats_allow_same_policy_zh", [pol(stmt(action="ecs:*"), stmt(effect="Deny", resource=ECS_ARN))], "explicit_deny", 0, 1, lang="zh")
eval_case("explicit_deny_in_later_policy", [pol(stmt()), pol(stmt(effect="Deny", action="ecs:*"))], "explicit_deny", 1, 0)
eval_case("first_applicable_deny_is_reported", [pol(stmt(effect="Deny", action="ecs:Start*"), stmt(effect="Deny", action="*")), pol(stmt(effect="Deny"))], "explicit_deny", 0, 1)
eval_case("deny_for_other_resource_does_not_apply", [pol(stmt(), stmt(effect="Deny", resource="acs:ecs:*:*:instance/i-other*"))], "allow", 0, 0)
eval_case("deny_only_is_still_deny", [pol(stmt(effect="Deny", action="ecs:Delete*"))], "implicit_deny")
eval_case("no_policies", [], "implicit_deny")
eval_case("first_applicable_allow_is_reported", [pol(stmt(action="ecs:Start*"), stmt(action="ecs:*"), stmt(action="*"))], "allow", 0, 1)
eval_case("allow_from_second_policy", [pol(stmt(action="ecs:Describe*")), pol(stmt(action="ecs:Reboot*"))], "allow", 1, 0)
eval_case("policy_as_json_text", [json.dumps(pol(stmt()))], "allow", 0, 0)

IP = "acs:SourceIp"
eval_case("ip_in_cidr", allow_if({"IpAddress": {IP: "203.0.113.0/24"}}), "allow", 0, 0, context={IP: "203.0.113.7"})
eval_case("ip_outside_cidr", allow_if({"IpAddress": {IP: "203.0.113.0/24"}}), "implicit_deny", context={IP: "198.51.100.7"})
eval_case("ip_exact_address", allow_if({"IpAddress": {IP: "203.0.113.7"}}), "allow", 0, 0, context={IP: "203.0.113.7"})
eval_case("ip_values_are_alternatives", allow_if({"IpAddress": {IP: ["10.0.0.0/8", "203.0.113.0/24"]}}), "allow", 0, 0, context={IP: "203.0.113.99"})
eval_case("ipv6_cidr", allow_if({"IpAddress": {IP: "2001:db8::/32"}}), "allow", 0, 0, context={IP: "2001:db8:1::5"})
eval_case("ipv4_network_does_not_match_ipv6", allow_if({"IpAddress": {IP: "0.0.0.0/0"}}), "implicit_deny", context={IP: "2001:db8::1"})
eval_case("ipv4_mapped_ipv6_source", allow_if({"IpAddress": {IP: "10.0.0.0/8"}}), "allow", 0, 0, context={IP: "::ffff:10.1.2.3"})
eval_case("ip_missing_from_context", allow_if({"IpAddress": {IP: "0.0.0.0/0"}}), "implicit_deny")
office_deny = [pol(stmt(action="*"), stmt(effect="Deny", action="*", condition={"NotIpAddress": {IP: "10.0.0.0/8"}}))]
eval_case("not_ip_deny_from_outside", office_deny, "explicit_deny", 0, 1, context={IP: "198.51.100.7"})
eval_case("not_ip_allow_from_office", office_deny, "allow", 0, 0, context={IP: "10.20.30.40"})
eval_case("not_ip_holds_when_source_unknown", office_deny, "explicit_deny", 0, 1)

VPC = "acs:SourceVpc"
eval_case("string_equals", allow_if({"StringEquals": {VPC: "vpc-abc"}}), "allow", 0, 0, context={VPC: "vpc-abc"})
eval_case("string_equals_is_case_sensitive", allow_if({"StringEquals": {VPC: "vpc-abc"}}), "implicit_deny", context={VPC: "VPC-ABC"})
eval_case("string_equals_ignore_case", allow_if({"StringEqualsIgnoreCase": {VPC: "vpc-abc"}}), "allow", 0, 0, context={VPC: "VPC-ABC"})
eval_case("string_not_equals", allow_if({"StringNotEquals": {VPC: "vpc-abc"}}), "allow", 0, 0, context={VPC: "vpc-xyz"})
eval_case("string_not_equals_fails_on_equal", allow_if({"StringNotEquals": {VPC: ["vpc-xyz", "vpc-abc"]}}), "implicit_deny", context={VPC: "vpc-abc"})
eval_case("string_not_equals_ignore_case", allow_if({"StringNotEqualsIgnoreCase": {VPC: "vpc-abc"}}), "implicit_deny", context={VPC: "Vpc-Abc"})
eval_case("string_like", allow_if({"StringLike": {VPC: "vpc-a?c*"}}), "allow", 0, 0, context={VPC: "vpc-abc-123"})
eval_case("string_like_is_case_sensitive", allow_if({"StringLike": {VPC: "vpc-*"}}), "implicit_deny", context={VPC: "VPC-1"})
eval_case("string_not_like", allow_if({"StringNotLike": {VPC: "vpc-test*"}}), "allow", 0, 0, context={VPC: "vpc-prod"})
eval_case("string_not_like_fails_on_match", allow_if({"StringNotLike": {VPC: "vpc-test*"}}), "implicit_deny", context={VPC: "vpc-test1"})
eval_case("string_not_equals_holds_when_key_missing", allow_if({"StringNotEquals": {VPC: "vpc-abc"}}), "allow", 0, 0)
eval_case("condition_key_is_case_insensitive", allow_if({"StringEquals": {"ACS:SOURCEVPC": "vpc-abc"}}), "allow", 0, 0, context={"acs:sourcevpc": "vpc-abc"})
eval_case("resource_tag", allow_if({"StringEquals": {"acs:ResourceTag/env": "prod"}}), "allow", 0, 0, context={"acs:ResourceTag/env": "prod"})
eval_case("resource_tag_other_value", allow_if({"StringEquals": {"acs:ResourceTag/env": "prod"}}), "implicit_deny", context={"acs:ResourceTag/env": "dev"})
eval_case("request_tag_missing", allow_if({"StringEquals": {"acs:RequestTag/team": "core"}}), "implicit_deny", context={"acs:ResourceTag/team": "core"})
eval_case("multi_valued_context_any_value_matches", allow_if({"StringEquals": {"acs:ResourceTag/owner": "alice"}}), "allow", 0, 0,
          context={"acs:ResourceTag/owner": ["bob", "alice"]})
eval_case("null_context_value_is_absent", allow_if({"StringEquals": {VPC: "vpc-abc"}}), "implicit_deny", context={VPC: None})

N = "ecs:Count"
eval_case("numeric_equals", allow_if({"NumericEquals": {N: "5"}}), "allow", 0, 0, context={N: 5})
eval_case("numeric_equals_across_notations", allow_if({"NumericEquals": {N: "5"}}), "allow", 0, 0, context={N: "5.0"})
eval_case("numeric_not_equals", allow_if({"NumericNotEquals": {N: 5}}), "implicit_deny", context={N: 5})
eval_case("numeric_less_than", allow_if({"NumericLessThan": {N: 10}}), "allow", 0, 0, context={N: 9.5})
eval_case("numeric_less_than_boundary", allow_if({"NumericLessThan": {N: 10}}), "implicit_deny", context={N: 10})
eval_case("numeric_less_than_equals_boundary", allow_if({"NumericLessThanEquals": {N: 10}}), "allow", 0, 0, context={N: "10"})
eval_case("numeric_greater_than", allow_if({"NumericGreaterThan": {N: -1}}), "allow", 0, 0, context={N: 0})
eval_case("numeric_greater_than_equals_boundary", allow_if({"NumericGreaterThanEquals": {N: 3}}), "allow", 0, 0, context={N: 3})
eval_case("numeric_context_not_a_number", allow_if({"NumericGreaterThanEquals": {N: 3}}), "implicit_deny", context={N: "many"})

T = "acs:CurrentTime"
eval_case("date_less_than", allow_if({"DateLessThan": {T: "2030-01-01T00:00:00Z"}}), "allow", 0, 0, context={T: "2029-12-31T23:59:59Z"})
eval_case("date_less_than_after", allow_if({"DateLessThan": {T: "2030-01-01T00:00:00Z"}}), "implicit_deny", context={T: "2030-01-01T00:00:00Z"})
eval_case("date_less_than_equals_boundary", allow_if({"DateLessThanEquals": {T: "2030-01-01T00:00Z"}}), "allow", 0, 0, context={T: "2030-01-01T00:00:00Z"})
eval_case("date_greater_than", allow_if({"DateGreaterThan": {T: "2017-11-11T23:59:59Z"}}), "allow", 0, 0, context={T: "2024-05-01T08:00:00Z"})
eval_case("date_greater_than_equals_boundary", allow_if({"DateGreaterThanEquals": {T: "2017-11-11T23:59:59Z"}}), "allow", 0, 0, context={T: "2017-11-11T23:59:59Z"})
eval_case("date_equals", allow_if({"DateEquals": {T: "2024-02-29T12:00:00Z"}}), "allow", 0, 0, context={T: "2024-02-29T12:00:00.000Z"})
eval_case("date_not_equals", allow_if({"DateNotEquals": {T: "2024-02-29T12:00:00Z"}}), "implicit_deny", context={T: "2024-02-29T12:00Z"})
eval_case("date_window_both_bounds", allow_if({"DateGreaterThanEquals": {T: "2024-01-01T00:00:00Z"}, "DateLessThan": {T: "2024-02-01T00:00:00Z"}}),
          "implicit_deny", context={T: "2024-02-01T00:00:01Z"})
eval_case("date_missing_current_time", allow_if({"DateLessThan": {T: "2030-01-01T00:00:00Z"}}), "implicit_deny")

ST = "acs:SecureTransport"
MFA = "acs:MFAPresent"
eval_case("bool_context_boolean", allow_if({"Bool": {ST: "true"}}), "allow", 0, 0, context={ST: True})
eval_case("bool_context_string", allow_if({"Bool": {ST: True}}), "allow", 0, 0, context={ST: "true"})
eval_case("bool_false_does_not_match_true", allow_if({"Bool": {ST: "true"}}), "implicit_deny", context={ST: False})
eval_case("bool_deny_without_mfa", [pol(stmt(), stmt(effect="Deny", condition={"Bool": {MFA: "false"}}))], "explicit_deny", 0, 1, context={MFA: False})
eval_case("bool_deny_with_mfa_spared", [pol(stmt(), stmt(effect="Deny", condition={"Bool": {MFA: "false"}}))], "allow", 0, 0, context={MFA: True})
eval_case("bool_missing_key", allow_if({"Bool": {MFA: "true"}}), "implicit_deny")

full = {"IpAddress": {IP: "10.0.0.0/8"}, "Bool": {ST: "true"}, "StringEquals": {VPC: "vpc-abc", "acs:ResourceTag/env": "prod"}}
good = {IP: "10.1.1.1", ST: True, VPC: "vpc-abc", "acs:ResourceTag/env": "prod"}
eval_case("all_operators_and_keys_hold", allow_if(full), "allow", 0, 0, context=good)
eval_case("one_operator_fails", allow_if(full), "implicit_deny", context=dict(good, **{ST: False}))
eval_case("one_key_of_an_operator_fails", allow_if(full), "implicit_deny", context=dict(good, **{"acs:ResourceTag/env": "dev"}))

def eval_error(name, policies, expect, context=None, lang="en"):
    add(E, name, "ram_evaluate", {"policies": policies, "action": REBOOT, "resource": ECS_ARN, "context": context if context is not None else {}, "lang": lang}, expect)

eval_error("context_bad_source_ip", allow_if({"IpAddress": {IP: "10.0.0.0/8"}}),
           ctx_err("context.acs:SourceIp", *ctx_value("10.0.0.0/8", "an IP address such as 203.0.113.7", "IP 地址，例如 203.0.113.7")), context={IP: "10.0.0.0/8"})
eval_error("context_bad_current_time_zh", [], ctx_err("context.acs:CurrentTime", *ctx_value("now", "an ISO 8601 UTC time such as 2017-11-11T23:59:59Z", "ISO 8601 UTC 时间，例如 2017-11-11T23:59:59Z"), lang="zh"),
           context={T: "now"}, lang="zh")
eval_error("context_bad_secure_transport", [], ctx_err("context.acs:securetransport", *ctx_value("yes", "true or false", "true 或 false")), context={"acs:securetransport": "yes"})
eval_error("context_bad_mfa_in_list", [], ctx_err("context.acs:MFAPresent", *ctx_value("1", "true or false", "true 或 false")), context={MFA: [True, 1]})
eval_error("context_not_object", [], ctx_err("context", "The context must be an object of condition keys, e.g. {\"acs:SourceIp\": \"203.0.113.7\"}."), context=["acs:SourceIp"])
eval_error("context_duplicate_key", [], ctx_err("context.ACS:SourceVpc", "The context key \"ACS:SourceVpc\" is given twice (keys are case-insensitive)."),
           context={VPC: "vpc-1", "ACS:SourceVpc": "vpc-2"})
eval_error("context_nested_value", [], ctx_err("context.acs:ResourceTag/env", "A context value must be a string, number, boolean, or an array of these."),
           context={"acs:ResourceTag/env": {"value": "prod"}})
eval_error("malformed_second_policy_has_indexed_path", [pol(stmt()), pol({"Effect": "Permit", "Action": REBOOT, "Resource": "*"})],
           report("policy", pe("policies[1].Statement[0].Effect", M["effect"]("Permit"))))
eval_error("malformed_problems_of_all_policies", [pol(stmt(action=7)), "not json", {"Version": "1", "Statement": [stmt(resource="ecs:*")]}],
           report("policy", pe("policies[0].Statement[0].Action", M["string"]("Action")), pe("policies[1]", M["not_json"](1, 2)),
                  pe("policies[2].Statement[0].Resource", M["resource"]("ecs:*"))))

# ================= ram_required_access / ram_authorize =================
A = "ram_authorize.json"
ECS_PARAMS = {"InstanceId": ECS_ID}
CNS_PARAMS = {"RegionId": REGION, "ServiceInstanceId": SI_ID}
CN_PARAMS = {"ServiceInstanceId": SI_ID, "Period": 1, "PeriodUnit": "Month"}
OPS_ = [(REBOOT, ECS_PARAMS, ECS_ARN), (RESTART, CNS_PARAMS, CNS_ARN), (RENEW, CN_PARAMS, CN_ARN)]

def required_case(name, op, params, expect, region=REGION, account=ACCOUNT):
    add(A, name, "ram_required_access", {"operation": op, "params": params, "region": region, "account_id": account, "lang": "en"}, expect)

for op, params, arn in OPS_:
    required_case(f"required_{op.split(':')[1]}", op, params, {"ok": [{"action": op, "resource": arn}]})
required_case("required_zec_is_not_ram", "zec:RebootInstances", {"instanceIds": ["1660545330971680835"]},
              report("input", err("UnsupportedOperation", "RAM applies to Alibaba Cloud operations only; zec:RebootInstances is a Zenlayer operation.", "operation")))
required_case("required_bad_account_id", REBOOT, ECS_PARAMS,
              report("input", err("InvalidParameter.AccountId", "The account id \"14883177\" is not valid; expected 16 digits such as 1488317743351199.", "account_id")), account="14883177")
required_case("required_bad_region", REBOOT, ECS_PARAMS,
              report("input", err("InvalidParameter.Region", "The region \"Hangzhou\" is not valid; expected a region id such as cn-hangzhou.", "region")), region="Hangzhou")
required_case("required_region_differs_from_param", RESTART, CNS_PARAMS,
              report("input", err("InvalidParameter.Region", "The region \"ap-southeast-1\" differs from the RegionId parameter \"cn-hangzhou\"; the resource ARN would name the wrong region.", "region")),
              region="ap-southeast-1")
required_case("required_validates_params_first", REBOOT, {},
              report("validation", err("MissingParameter", "The input parameter \"InstanceId\" that is mandatory for processing this request is not supplied.", "InstanceId")),
              account="bad")

def authorize_case(name, op, params, policies, expect, context=None, lang="en"):
    add(A, name, "ram_authorize", {"operation": op, "params": params, "region": REGION, "account_id": ACCOUNT,
                                   "policies": policies, "context": context if context is not None else {}, "lang": lang}, expect)

FORBIDDEN = {"en": "User not authorized to operate on the specified resource, or this API doesn't support RAM.", "zh": "用户无权操作指定资源，或此 API 不支持 RAM。"}
def authorization(op, arn, decision, p=None, s=None, lang="en"):
    r = reason(decision, op, arn, lang, p, s)
    check = {"action": op, "resource": arn, "decision": decision, "policy_index": p, "statement_index": s, "reason": r}
    denied = decision != "allow"
    return {"ok": {"allowed": not denied, "checks": [check], "reason": r,
                   "no_permission_type": {"allow": None, "implicit_deny": "ImplicitDeny", "explicit_deny": "ExplicitDeny"}[decision],
                   "error": err("Forbidden.RAM", FORBIDDEN[lang], None, 403) if denied else None}}

authorize_case("authorize_ecs_allowed_by_exact_arn", REBOOT, ECS_PARAMS, [pol(stmt(resource=ECS_ARN))], authorization(REBOOT, ECS_ARN, "allow", 0, 0))
authorize_case("authorize_ecs_allowed_by_service_wildcard_zh", REBOOT, ECS_PARAMS, [pol(stmt(action="ecs:*", resource="acs:ecs:*:*:instance/*"))],
               authorization(REBOOT, ECS_ARN, "allow", 0, 0, "zh"), lang="zh")
authorize_case("authorize_ecs_implicit_deny", REBOOT, ECS_PARAMS, [pol(stmt(action="ecs:Describe*"))], authorization(REBOOT, ECS_ARN, "implicit_deny"))
authorize_case("authorize_ecs_explicit_deny_zh", REBOOT, ECS_PARAMS, [pol(stmt(action="*")), pol(stmt(effect="Deny", action="ecs:Reboot*", resource="acs:ecs:cn-hangzhou:*:instance/*"))],
               authorization(REBOOT, ECS_ARN, "explicit_deny", 1, 0, "zh"), lang="zh")
authorize_case("authorize_ecs_other_instance_only", REBOOT, ECS_PARAMS, [pol(stmt(resource="acs:ecs:*:*:instance/i-other0000000000000000"))],
               authorization(REBOOT, ECS_ARN, "implicit_deny"))
authorize_case("authorize_ecs_source_ip_condition", REBOOT, dict(ECS_PARAMS, ForceStop=True), [pol(stmt(condition={"IpAddress": {IP: "10.0.0.0/8"}}))],
               authorization(REBOOT, ECS_ARN, "allow", 0, 0), context={IP: "10.0.0.8"})
authorize_case("authorize_ecs_tag_condition_denied", REBOOT, ECS_PARAMS, [pol(stmt(condition={"StringEquals": {"acs:ResourceTag/env": "dev"}}))],
               authorization(REBOOT, ECS_ARN, "implicit_deny"), context={"acs:ResourceTag/env": "prod"})
authorize_case("authorize_supplier_restart_allowed", RESTART, CNS_PARAMS, [pol(stmt(action="computenestsupplier:*", resource="acs:computenestsupplier:*:*:serviceinstance/*"))],
               authorization(RESTART, CNS_ARN, "allow", 0, 0))
authorize_case("authorize_supplier_restart_user_side_action_does_not_count", RESTART, CNS_PARAMS, [pol(stmt(action="computenest:RestartServiceInstance"))],
               authorization(RESTART, CNS_ARN, "implicit_deny"))
authorize_case("authorize_supplier_restart_action_case_insensitive", RESTART, CNS_PARAMS, [pol(stmt(action="ComputeNestSupplier:restartserviceinstance"))],
               authorization(RESTART, CNS_ARN, "allow", 0, 0))
authorize_case("authorize_renew_allowed_within_window", RENEW, CN_PARAMS, [pol(stmt(action="computenest:Renew*", condition={"DateLessThan": {T: "2030-01-01T00:00:00Z"}, "Bool": {ST: "true"}}))],
               authorization(RENEW, CN_ARN, "allow", 0, 0), context={T: "2025-06-01T10:00:00Z", ST: "true"})
authorize_case("authorize_renew_explicit_deny_wins", RENEW, CN_PARAMS, [pol(stmt(action="computenest:*")), pol(stmt(action="*"), stmt(effect="Deny", action="computenest:Renew*"))],
               authorization(RENEW, CN_ARN, "explicit_deny", 1, 1))
authorize_case("authorize_zec_is_not_ram", "zec:RebootInstances", {"instanceIds": ["1660545330971680835"]}, [pol(stmt(action="*"))],
               report("input", err("UnsupportedOperation", "RAM applies to Alibaba Cloud operations only; zec:RebootInstances is a Zenlayer operation.", "operation")))
authorize_case("authorize_malformed_policy", REBOOT, ECS_PARAMS, [pol(stmt()), pol(stmt(condition={"IpAddress": {IP: "office"}}))],
               report("policy", pe("policies[1].Statement[0].Condition.IpAddress.acs:SourceIp", bad_value("IpAddress", "\"office\""))))
authorize_case("authorize_bad_context", REBOOT, ECS_PARAMS, [pol(stmt())],
               ctx_err("context.acs:SourceIp", *ctx_value("localhost", "an IP address such as 203.0.113.7", "IP 地址，例如 203.0.113.7")), context={IP: "localhost"})
authorize_case("authorize_params_checked_before_policies", REBOOT, {"InstanceId": ECS_ID, "Force": True}, ["not json"],
               report("validation", err("InvalidParameter", "The parameter \"Force\" is not recognised; expected one of: DryRun, ForceStop, InstanceId.", "Force")))

total = 0
for file, items in cases.items():
    names = [c["name"] for c in items]
    assert len(names) == len(set(names)), file
    total += len(items)
    desc = {"ram_parse.json": "RAM policy document parsing (ram_parse_policy): accepted grammar, normalized output, and malformed documents with exact error paths.",
            "ram_evaluate.json": "RAM policy evaluation of one action on one resource (ram_evaluate): wildcards, case rules, NotAction, Deny precedence, every condition operator family, missing context keys, context errors.",
            "ram_authorize.json": "RAM pre-check for catalog operations (ram_required_access, ram_authorize): derived actions and ARNs, decisions with the Forbidden.RAM error, and argument errors."}[file]
    with open(os.path.join(OUT, file), "w", encoding="utf-8") as f:
        json.dump({"description": desc, "cases": items}, f, ensure_ascii=False, indent=2)
        f.write("\n")
print("cases", total)
