// An ES module TypeScript consumer of the installed tarball: the `import` condition's types.
import { init, precheckResources, build, parseResponse, ApiError, type Verdict, type HttpRequest } from "opgate";

await init();
const verdict: Verdict = precheckResources("zec:RebootInstances", [{ instanceId: "1", instanceStatus: "RUNNING" }]);
const request: HttpRequest = build("zec:RebootInstances", { instanceIds: verdict.allowedIds });
try {
  parseResponse("zec:RebootInstances", 400, '{"code":"X","message":"m"}');
} catch (error) {
  if (error instanceof ApiError) {
    const original: string | null = error.providerMessage;
    console.log(original, error.requestId);
  }
}
console.log(request.url);
