/**
 * Express cors() options → Policy, as the cors package's lib/index.js (2.8.6)
 * answers: defaults origin '*', methods 'GET,HEAD,PUT,PATCH,POST,DELETE',
 * preflightContinue false, optionsSuccessStatus 204; Vary: Origin whenever
 * origin is not '*'; the requested headers echoed when allowedHeaders is unset.
 */
import { finishImport, freshPolicy, keepMaxAge, keepOrigins, keepPatterns, keepTokens, readOrFail, type ImportResult, type ImportWarning, type Sourced } from './import-result.ts';
import type { Policy } from '../policy.ts';
import { findCorsOptions, type CorsOptionsSource, type JsEntry, type JsValue } from './import-js-object.ts';

const DEFAULT_METHODS = 'GET,HEAD,PUT,PATCH,POST,DELETE';
const DEFAULT_STATUS = 204;
const KNOWN = ['origin', 'methods', 'allowedHeaders', 'headers', 'exposedHeaders', 'credentials', 'maxAge', 'preflightContinue', 'optionsSuccessStatus'];
const MISSPELLED: Readonly<Record<string, string>> = {
  allowHeaders: 'allowedHeaders', allowedHeader: 'allowedHeaders', exposeHeaders: 'exposedHeaders', exposedHeader: 'exposedHeaders',
  allowMethods: 'methods', allowedMethods: 'methods', method: 'methods', credential: 'credentials', allowCredentials: 'credentials',
  maxage: 'maxAge', optionSuccessStatus: 'optionsSuccessStatus', origins: 'origin', allowedOrigins: 'origin',
};

type Warn = (line: number, text: string) => void;

/** Reads a pasted cors() options object (or the call around it); pure, no JavaScript is run. */
export function importExpressCors(text: string): ImportResult {
  return readOrFail(() => mapOptions(findCorsOptions(text)));
}

function mapOptions(source: CorsOptionsSource): ImportResult {
  const warnings: ImportWarning[] = [];
  const warn: Warn = (line, text) => warnings.push({ line, text });
  const resolve = (v: JsValue): JsValue => {
    const r = source.resolve(v);
    return r.kind === 'array' ? { ...r, items: r.items.map(resolve) } : r;
  };
  const options = new Map<string, JsEntry>();
  for (const e of source.options?.entries ?? []) {
    const fix = MISSPELLED[e.key];
    if (e.key === '...') warn(e.line, `a spread (${describe(e.value)}) adds options the importer cannot see; ignored`);
    else if (!KNOWN.includes(e.key)) warn(e.line, fix ? `${e.key} is not a cors option (did you mean ${fix}?); ignored, so cors uses its default` : `${e.key} is not a cors option; ignored`);
    else options.set(e.key, { ...e, value: resolve(e.value) }); // a repeated key keeps its last value, as in JavaScript
  }

  const policy = freshPolicy();
  const origin = options.get('origin');
  if (origin && truthy(origin.value) === false) {
    warn(origin.line, `origin: ${describe(origin.value)} turns cors off: it adds no CORS headers and passes every request, preflights included, on to your routes. Imported as no Access-Control-Allow-Origin, with OPTIONS answered by the routes.`);
    policy.allowOrigin = 'none';
    policy.preflight = 'routes';
    return finishImport(policy, warnings);
  }
  const credentials = options.get('credentials');
  policy.allowCredentials = credentials?.value.kind === 'boolean' && credentials.value.value;
  if (credentials && credentials.value.kind !== 'boolean') {
    warn(credentials.line, `credentials: cors turns credentials on only for the boolean true; ${describe(credentials.value)} leaves them off`);
  }
  mapOrigin(origin, policy, warn, warnings);
  if (policy.allowOrigin === '*' && policy.allowCredentials) {
    warn(origin?.line ?? credentials?.line ?? source.line, 'origin "*" with credentials: true sends Access-Control-Allow-Origin: * beside Access-Control-Allow-Credentials: true; browsers refuse that pair for a credentialed request (fetch.spec.whatwg.org/#cors-check)');
  }

  const methods = options.get('methods');
  policy.allowMethods = keepTokens(methods ? names(methods, warn) : split(DEFAULT_METHODS, source.line), 'methods', warnings);
  const headers = [options.get('allowedHeaders'), options.get('headers')].find((e) => e && truthy(e.value) !== false);
  if (headers) policy.allowHeaders = keepTokens(names(headers, warn), headers.key, warnings);
  else {
    // fetch.spec.whatwg.org/#cors-preflight-fetch: "*" counts as a wildcard only without credentials, and never covers Authorization.
    policy.allowHeaders = policy.allowCredentials ? [] : ['*'];
    const as = policy.allowCredentials ? 'no headers, since for a credentialed request "*" is only a header name: list the headers your page sends' : '"*", which allows every header except Authorization';
    warn(source.line, `allowedHeaders is not set, so cors echoes the headers each preflight asks for (Access-Control-Request-Headers, with Vary: Access-Control-Request-Headers). The lab's policy names the headers or uses "*": imported as ${as}.`);
  }
  const exposed = options.get('exposedHeaders');
  if (exposed && truthy(exposed.value) !== false) policy.exposeHeaders = keepTokens(names(exposed, warn), 'exposedHeaders', warnings);
  policy.maxAge = maxAge(options.get('maxAge'), warn, warnings);

  const proceed = options.get('preflightContinue');
  if (proceed && truthy(proceed.value) === null) warn(proceed.line, `preflightContinue is computed by code (${describe(proceed.value)}); read as false, its default`);
  if (proceed && truthy(proceed.value) === true) {
    policy.preflight = 'routes';
    warn(proceed.line, 'preflightContinue: true: cors adds its preflight headers, then passes the OPTIONS request on to your routes. Imported as preflights answered by the routes; in the lab they answer OPTIONS with the actual-request headers only (no Access-Control-Allow-Methods, -Headers or -Max-Age).');
  }
  const status = options.get('optionsSuccessStatus');
  const code = status?.value.kind === 'number' ? status.value.value : null;
  policy.preflightStatus = code !== null && Number.isInteger(code) && code >= 200 && code <= 599 ? code : DEFAULT_STATUS;
  if (status && policy.preflightStatus !== code) warn(status.line, `optionsSuccessStatus: ${describe(status.value)} is not an HTTP status from 200 to 599; imported as ${DEFAULT_STATUS}, cors's default`);
  return finishImport(policy, warnings);
}

function mapOrigin(origin: JsEntry | undefined, policy: Policy, warn: Warn, warnings: ImportWarning[]): void {
  const v = origin?.value;
  if (!origin || !v || (v.kind === 'string' && v.value === '*')) {
    policy.allowOrigin = '*';
    return;
  }
  // Any other origin makes the answer depend on the request's Origin: fetch.spec.whatwg.org/#cors-protocol-and-http-caches
  policy.varyOrigin = true;
  policy.allowOrigin = 'list';
  const exactly = 'the lab\'s policy lists origins one by one. Imported as an empty list: add the origins you need.';
  // cors tests a RegExp with .test(), a search, as the lab's patterns match; flags other than none are the lab's to refuse.
  const patterns: Sourced[] = [];
  const pattern = (r: Extract<JsValue, { kind: 'regex' }>) => {
    if (r.flags !== '') warn(r.line, `origin: /${r.source}/${r.flags}: the lab's patterns take no flags, so it is imported as /${r.source}/${r.flags.includes('i') ? ', case-sensitive (browsers send the Origin in lowercase)' : ''}${r.flags.includes('g') || r.flags.includes('y') ? '; with g or y, cors\'s .test() would remember lastIndex and answer every other request differently' : ''}`);
    patterns.push({ value: r.source, line: r.line });
  };
  if (v.kind === 'string') {
    policy.originList = keepOrigins([{ value: v.value, line: v.line }], 'origin', warnings);
    warn(origin.line, `origin: ${describe(v)} makes cors send that value to every origin (with Vary: Origin), and the browser lets only that origin read. The lab sends it only to that origin: the same pages get through.`);
  } else if (v.kind === 'array') {
    const listed: Sourced[] = [];
    const walk = (items: readonly JsValue[]) => items.forEach((i) => {
      if (i.kind === 'string') listed.push({ value: i.value, line: i.line });
      else if (i.kind === 'array') walk(i.items);
      else if (i.kind === 'regex') pattern(i);
      else warn(i.line, `origin: ${describe(i)} is not an origin string or a RegExp; left out`);
    });
    walk(v.items);
    policy.originList = keepOrigins(listed, 'origin', warnings);
    policy.originPatterns = keepPatterns(patterns, 'origin', warnings);
  } else if (v.kind === 'boolean') {
    policy.allowOrigin = 'reflect'; // origin: true sends back the request's Origin
  } else if (v.kind === 'regex') {
    pattern(v);
    policy.originPatterns = keepPatterns(patterns, 'origin', warnings);
  } else if (v.kind === 'function' || v.kind === 'code' || v.kind === 'ref') {
    const what =
      v.kind === 'function' ? 'is a function: cors calls it for each request, and only running it tells which origins it allows'
      : v.kind === 'ref' ? `uses ${v.name}, which the pasted text does not define`
      : `is computed by code (${describe(v)}) the importer does not run`;
    warn(origin.line, `origin ${what}; ${exactly}`);
  } else {
    policy.allowOrigin = 'reflect';
    warn(origin.line, `origin: ${describe(v)}: cors treats any value other than a string, a list or a RegExp like true and sends back every request's Origin. Imported as reflect.`);
  }
}

/** Names from a comma-separated string or a list, as cors joins them with ","; code gives none. */
function names(e: JsEntry, warn: Warn): Sourced[] {
  const v = e.value;
  if (v.kind === 'string') return split(v.value, v.line);
  if (v.kind === 'array') {
    return v.items.flatMap((i) => {
      if (i.kind === 'string') return split(i.value, i.line);
      warn(i.line, `${e.key}: ${describe(i)} is not a name; left out`);
      return [];
    });
  }
  if (truthy(v) !== false) warn(e.line, `${e.key}: ${describe(v)} is not a list of names or a comma-separated string; imported as none`);
  return [];
}

function split(list: string, line: number): Sourced[] {
  return list.split(',').map((s) => s.trim()).filter((s) => s !== '').map((value) => ({ value, line }));
}

/** cors sends any number (0 included) or non-empty string as Access-Control-Max-Age. */
function maxAge(e: JsEntry | undefined, warn: Warn, warnings: ImportWarning[]): number | null {
  const v = e?.value;
  if (!e || !v || truthy(v) === false && v.kind !== 'number') return null;
  if (v.kind === 'number') return keepMaxAge(v.value, e.line, 'maxAge', warnings);
  if (v.kind === 'string' && /^\d+$/.test(v.value)) return keepMaxAge(Number(v.value), e.line, 'maxAge', warnings);
  warn(e.line, `maxAge: ${describe(v)} is not a whole number of seconds; left out`);
  return null;
}

/** JavaScript truthiness, or null when only running the code would tell. */
function truthy(v: JsValue): boolean | null {
  switch (v.kind) {
    case 'string':
      return v.value !== '';
    case 'number':
      return v.value !== 0 && !Number.isNaN(v.value);
    case 'boolean':
      return v.value;
    case 'null':
    case 'undefined':
      return false;
    case 'code':
    case 'ref':
      return null;
    default:
      return true;
  }
}

/** A value as the pasted text wrote it, short. */
function describe(v: JsValue): string {
  const s = (() => {
    switch (v.kind) {
      case 'string':
        return JSON.stringify(v.value);
      case 'number':
      case 'boolean':
        return String(v.value);
      case 'null':
      case 'undefined':
        return v.kind;
      case 'regex':
        return `/${v.source}/`;
      case 'function':
      case 'code':
        return v.text.replace(/\s+/g, ' ');
      case 'ref':
        return `${v.name}, which the pasted text does not define`;
      default:
        return v.kind === 'array' ? '[...]' : '{...}';
    }
  })();
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
