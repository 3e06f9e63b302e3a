"""Python-specific behaviour of the lifecycle API: the Waiter object (persist, resume, pickle,
clock defaults), typed results, and plans handed back to merge_plan. The rules themselves are
covered by the shared life_*.json vectors."""

from __future__ import annotations

import json
import pickle
import time
from typing import Any, Final

import pytest

import opgate

ECS: Final = "ecs:RebootInstance"
ZEC: Final = "zec:RebootInstances"
RESTART: Final = "computenestsupplier:RestartServiceInstance"
INSTANCE = "i-bp67acfmxazb4ph1abcd"
SID = "si-d6ab3a63ccbb4b17a0f1"


def ecs_item(status: str) -> dict[str, Any]:
    return {"InstanceId": INSTANCE, "Status": status, "OperationLocks": {"LockReason": []}}


def test_waiter_remembers_the_transition_across_persistence() -> None:
    waiter = opgate.Waiter(ECS, [INSTANCE], 1000, before=[ecs_item("Running")], seed=3)
    assert waiter.next_poll_at == 1005 and waiter.polls == 0
    first = waiter.observe([ecs_item("Running")], 1001)
    assert isinstance(first, opgate.WaitReport) and not first.done
    assert first.targets[0].state == "pending" and first.targets[0].transition_seen is False
    assert waiter.observe([ecs_item("Starting")], 1006).targets[0].transition_seen
    # A script persists the waiter as JSON and a later run resumes it.
    state = json.loads(json.dumps(waiter.to_dict()))
    resumed = opgate.Waiter.resume(state)
    done = resumed.observe([ecs_item("Running")], 1015)
    assert done.done and done.succeeded and done.next_poll_after_seconds is None
    assert done.targets[0].proof == "status_left_target"
    assert "Starting" in done.rule and done.source.startswith("https://")


def test_waiter_pickles_and_copies_its_state() -> None:
    waiter = opgate.Waiter(ZEC, ["1660545330971680835"], 2000, seed=1)
    again = pickle.loads(pickle.dumps(waiter))
    assert again.to_dict() == waiter.to_dict()
    state = waiter.to_dict()
    state["polls"] = 99
    assert waiter.polls == 0, "to_dict returns a copy"
    assert "zec:RebootInstances" in repr(waiter)


def test_waiter_clock_defaults_to_now() -> None:
    before = int(time.time())
    waiter = opgate.Waiter(ECS, INSTANCE)
    assert before <= waiter.to_dict()["sent"] <= int(time.time())
    report = waiter.observe([])
    assert report.targets[0].state == "unknown"
    assert report.next_poll_window is not None and report.next_poll_window[0] <= (report.next_poll_after_seconds or 0)


def test_waiter_refuses_foreign_state() -> None:
    with pytest.raises(opgate.InputError) as caught:
        opgate.Waiter.resume({"version": 1})
    assert caught.value.code == "InvalidParameter.Waiter"
    with pytest.raises(opgate.InputError):
        opgate.Waiter(ECS, [])


def test_plan_results_are_typed_and_go_back_to_merge_plan() -> None:
    items = [{"instanceId": str(1760000000000000000 + i), "instanceStatus": "RUNNING"} for i in range(150)]
    plan = opgate.plan(ZEC, [i["instanceId"] for i in items], items)
    assert isinstance(plan, opgate.Plan) and plan.batch_max == 100
    assert [len(r.ids) for r in plan.requests] == [100, 50]
    assert isinstance(plan.requests[0].request, opgate.HttpRequest)
    body = json.loads(plan.requests[1].request.body)
    assert body["instanceIds"] == list(plan.requests[1].ids)
    ok: opgate.Response = {"status": 200, "body": json.dumps({"requestId": "T", "response": {"requestId": "T", "instanceIds": [items[0]["instanceId"]]}})}
    merged = opgate.merge_plan(plan, [ok, None])
    assert merged == opgate.merge_plan(plan.to_dict(), [ok, None])
    assert merged.failed_ids == (items[0]["instanceId"],)
    assert {o.state for o in merged.outcomes} == {"accepted", "failed", "not_sent"}


def test_plan_tokens_match_client_token() -> None:
    items = [{"ServiceInstanceId": SID, "Status": "Deployed", "Service": {"OperationMetadata": json.dumps({"StatusOperationConfigs": [{"SupportOperations": ["Restart"]}]})}}]
    plan = opgate.plan(RESTART, {"ServiceInstanceId": [SID], "RegionId": "cn-hangzhou"}, items, scope="s")
    token = opgate.client_token(RESTART, {"ServiceInstanceId": SID, "RegionId": "cn-hangzhou"}, scope="s")
    assert isinstance(token, opgate.ClientToken)
    assert plan.requests[0].token == token.token == plan.requests[0].params["ClientToken"]
    with pytest.raises(opgate.InputError):
        opgate.client_token(ECS, {"InstanceId": INSTANCE})


def test_retry_advice_and_classification() -> None:
    advice = opgate.retry_advice(ECS, 500, "InternalError", {"x-acs-request-id": "R"}, params={"InstanceId": INSTANCE})
    assert isinstance(advice, opgate.RetryAdvice)
    assert (advice.class_, advice.safe_to_retry, advice.action) == ("transient", False, "recheck")
    silent = opgate.retry_advice(RESTART, params={"ServiceInstanceId": SID, "RegionId": "cn-hangzhou", "ClientToken": "og1-x"})
    assert silent.code is None and silent.source == "no_response" and silent.safe_to_retry
    classified = opgate.classify(ZEC, "REQUEST_LIMIT_EXCEEDED", status=429)
    assert isinstance(classified, opgate.Classification) and classified.class_ == "throttle"
    with pytest.raises(opgate.InputError):
        opgate.classify(ECS, "X", status=70000)


def test_access_denied_matches_the_policy_check_shape() -> None:
    explained = opgate.access_denied({"NoPermissionType": "ExplicitDeny", "AuthAction": "ecs:RebootInstance"})
    assert isinstance(explained, opgate.AccessExplanation)
    assert explained.decision == "explicit_deny" and explained.source == "provider"
    check = opgate.ram_evaluate([], "ecs:RebootInstance", "acs:ecs:*:*:instance/*")
    assert set(check.to_dict()) <= set(explained.to_dict())
