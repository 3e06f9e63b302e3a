// A typed use of the package, compiled by `tsc -p js/tsconfig.json` (strict, no DOM types) in
// `bash js/run.sh test`. It imports "opgate" by name, so the package's `exports` and `types`
// are what is checked. Run it with Node after `tsc` support is not needed: it is a type check.

import {
  init,
  operations,
  operation,
  validate,
  precheck,
  precheckResources,
  check,
  waitStatus,
  build,
  RequestBuilder,
  endpoint,
  parseResponse,
  ramAuthorize,
  ramEvaluate,
  ramParsePolicy,
  ramRequiredAccess,
  OpgateError,
  DeniedError,
  ValidationError,
  ApiError,
  type Verdict,
  type Outcome,
  type HttpRequest,
  type ErrorInfo,
  type OperationDescription,
  type Lang,
} from "opgate";

declare const describeItems: object[];

export async function console_(lang: Lang): Promise<string[]> {
  await init();
  const ops: OperationDescription[] = operations({ lang });
  const reboot = operation("ecs:RebootInstance");
  const maxBatch: number | null = reboot.target.batchMax;

  // Which instances could be rebooted right now? A denial is data, not an exception.
  const verdict: Verdict = precheckResources("ecs:RebootInstance", describeItems, { lang, now: 1795000000 });
  const tooltips = verdict.outcomes.map((o: Outcome) => {
    const error: ErrorInfo | null = o.error;
    return error ? `${error.code} (HTTP ${error.httpStatus}): ${error.message}\n${o.reason}` : o.reason;
  });
  const path = verdict.outcomes[0]?.transition?.immediate ?? "…";

  const validated = validate("computenest:RenewServiceInstanceResources", { ServiceInstanceId: "si-0a1b2c3d4e5f60718293", Period: 1, PeriodUnit: "Month" }, { intBounds: [{ path: "Period", min: 1, max: 36 }] });
  const defaults: unknown = validated.defaults["PeriodUnit"];

  const single = precheck("ecs:RebootInstance", { InstanceId: "i-bp1h4adlltjc1d48goaq", DryRun: true }, describeItems, { now: null });
  const dryRun: boolean = single.dryRun && single.outcomes.every((o) => o.decision === "dry_run");

  try {
    check("zec:RebootInstances", { instanceIds: ["1660545330971680835"] }, describeItems);
  } catch (error) {
    if (error instanceof DeniedError) {
      const refused: string[] = error.errors.map((e) => `${e.field ?? "-"}: ${e.code}`);
      tooltips.push(...refused);
    } else if (error instanceof ValidationError) {
      tooltips.push(...error.errors.map((e) => `${e.field ?? "-"}: ${e.code}`));
    } else if (error instanceof OpgateError) {
      tooltips.push(`${error.kind} ${error.code ?? ""} ${error.httpStatus ?? 0} ${error.retryable}`);
      tooltips.push(error.report.errors[0]?.http_status.toString() ?? "");
    }
  }

  const request: HttpRequest = build("ecs:RebootInstance", { InstanceId: "i-bp1h4adlltjc1d48goaq" }, { region: "cn-hangzhou", lang: "zh" });
  const firstHeader: [string, string] | undefined = request.headers[0];
  const builder = new RequestBuilder("ecs:RebootInstance", { region: "cn-hangzhou" });
  const perInstance: HttpRequest[] = ["i-bp1h4adlltjc1d48goaq", "i-bp1h4adlltjc1d48goar"].map((id) => builder.build({ InstanceId: id }));
  tooltips.push(builder.operation, perInstance[0]?.url ?? "");
  const host: string = endpoint("zec:RebootInstances").host;

  try {
    const response = parseResponse("ecs:RebootInstance", 200, '{"RequestId": "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E"}', [["content-type", "application/json"]]);
    tooltips.push(response.outcome, response.requestId ?? "");
  } catch (error) {
    if (error instanceof ApiError) {
      tooltips.push(error.requestId ?? "", JSON.stringify(error.accessDeniedDetail));
    }
  }

  const state = waitStatus("ecs:RebootInstance", "Starting", { lang: "zh" }).state;
  const policy = ramParsePolicy('{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:RebootInstance", "Resource": "*"}]}');
  const needed = ramRequiredAccess("ecs:RebootInstance", { InstanceId: "i-bp1h4adlltjc1d48goaq" }, { region: "cn-hangzhou", accountId: "1488317743351199" });
  const auth = ramAuthorize("ecs:RebootInstance", { InstanceId: "i-bp1h4adlltjc1d48goaq" }, [policy.statements.length > 0 ? "{}" : {}], {
    region: "cn-hangzhou",
    accountId: "1488317743351199",
    context: { "acs:SourceIp": "203.0.113.7" },
  });
  const single_ = ramEvaluate([{ Version: "1", Statement: [] }], needed[0]?.action ?? "", "*");

  return [
    String(ops.length),
    String(maxBatch),
    path,
    String(defaults),
    String(dryRun),
    request.url,
    firstHeader?.[0] ?? "",
    host,
    state,
    String(auth.allowed),
    auth.noPermissionType ?? "",
    single_.decision,
    ...tooltips,
  ];
}
