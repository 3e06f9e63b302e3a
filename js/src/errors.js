// Error classes. The wasm glue renders every core error as a report
// `{kind, errors: [{code, http_status, message, field, retryable}], api?}`; `fromReport` picks
// the class by `kind`. Nothing here decides anything: it only exposes the report, in the same
// shape as the Python package (`opgate.OpgateError` and its subclasses).

const clone = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

// The one rename JS results get (`opgate::record::camel_key` in the core, which the glue and the
// generated src/types.d.ts use): opgate's snake_case keys become camelCase.
const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/;
const camel = (key) => (SNAKE.test(key) ? key.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase()) : key);

/** A report's own object (an error, the provider's fields) with the result key convention. */
function camelized(object) {
  return Object.fromEntries(Object.entries(object ?? {}).map(([key, value]) => [camel(key), clone(value) ?? null]));
}

/** One provider-style error, as results hold it (`ErrorInfo`). */
function info(detail) {
  return Object.freeze(camelized(detail));
}

export class OpgateError extends Error {
  /** @param {{kind: string, errors: object[], api?: object}} report */
  constructor(report) {
    const errors = Object.freeze((report?.errors ?? []).map(info));
    const first = errors[0];
    super(first ? first.message : String(report?.kind ?? "opgate error"));
    this.name = new.target.name;
    const raw = clone(report);
    /** `input`, `validation`, `denied`, `api`, `parse`, `policy` or `signing`. */
    this.kind = String(report?.kind ?? new.target.kind ?? "");
    /** Every error in the report; `code`, `httpStatus`, `field` are the first one's. */
    this.errors = errors;
    this.code = first ? first.code : null;
    this.httpStatus = first ? first.httpStatus : null;
    this.field = first ? first.field : null;
    /** True when sending the same request later can succeed for any of the errors. */
    this.retryable = errors.some((e) => e.retryable);
    Object.defineProperty(this, "report", {
      enumerable: false,
      /** The core's report exactly, snake_case keys (a copy): what the conformance vectors compare. */
      get: () => clone(raw),
    });
  }

  toString() {
    const where = this.field ? ` at ${this.field}` : "";
    const more = this.errors.length > 1 ? ` (+${this.errors.length - 1} more)` : "";
    return `${this.name}: ${this.code} (${this.httpStatus})${where}: ${this.message}${more}`;
  }
}

/** The call's own arguments are unusable (unknown operation, language, option). */
export class InputError extends OpgateError {
  static kind = "input";
}

/** Request parameters (or data that cannot be JSON) break the operation's rules; every violation is in `errors`. */
export class ValidationError extends OpgateError {
  static kind = "validation";
}

/** The pre-check found the provider would refuse the operation. Thrown by `check()`: one error per refused target, its `field` naming the target. */
export class DeniedError extends OpgateError {
  static kind = "denied";
}

/**
 * The provider answered with an error (thrown by `parseResponse`). `message` is in the requested
 * `lang`: the provider's own text, except with `lang: "zh"` for a code in the operation's error
 * table, where it is the catalog's Chinese text. `providerMessage` is always the provider's own
 * message exactly as sent (`null` if it sent none). `requestId`, `hostId`, `recommend` and
 * `accessDeniedDetail` are kept as sent, `null` when absent.
 */
export class ApiError extends OpgateError {
  static kind = "api";
  constructor(report) {
    super(report);
    // The provider's fields (`ApiErrorExtras`: providerMessage, requestId, hostId, ...).
    Object.assign(this, camelized(report?.api));
  }
}

/** A provider response could not be understood. */
export class ParseError extends OpgateError {
  static kind = "parse";
}

/** A RAM policy document is malformed. */
export class PolicyError extends OpgateError {
  static kind = "policy";
}

/** Signing failed. Never thrown by this package: the WebAssembly build cannot sign (see README). */
export class SigningError extends OpgateError {
  static kind = "signing";
}

const CLASSES = new Map([InputError, ValidationError, DeniedError, ApiError, ParseError, PolicyError, SigningError].map((cls) => [cls.kind, cls]));

/** The error for a report; an unknown kind still gives an `OpgateError`. */
export function fromReport(report) {
  const cls = CLASSES.get(String(report?.kind)) ?? OpgateError;
  return new cls(report);
}
