// Browser and bundler entry: call `await init()` once before using the API; the `.wasm`
// file is fetched from beside `pkg/opgate_wasm.js` (Vite and other bundlers rewrite that URL).
export * from "./api.js";
