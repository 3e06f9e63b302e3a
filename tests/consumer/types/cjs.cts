// A CommonJS TypeScript consumer of the installed tarball: the `require` condition's types
// (src/index.d.cts).
import opgate = require("opgate");

async function main(): Promise<void> {
  await opgate.init();
  const verdict: opgate.Verdict = opgate.precheckResources("ecs:RebootInstance", [], { lang: "zh" });
  try {
    opgate.check("ecs:RebootInstance", { InstanceId: "i-bp1h4adlltjc1d48goaq" }, []);
  } catch (error) {
    if (error instanceof opgate.OpgateError) {
      const code: string | null = error.code;
      console.log(code, verdict.allowed);
    }
  }
}
void main();
