// Types of the CommonJS entry (`require("opgate")`): the same API as the ES module; call
// `await init()` once before anything else (the classes can be read after it too).
export * from "./index.js";
