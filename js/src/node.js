// Node entry: the module is loaded from the package's own files before `import` returns, so
// the API can be used at once. `init()` is still exported (and resolves at once) so code can
// be shared with the browser.
import { readFile } from "node:fs/promises";
import * as api from "./api.js";

export * from "./api.js";

await api.init(await readFile(new URL("../pkg/opgate_wasm_bg.wasm", import.meta.url)));

export function init() {
  return api.init();
}
