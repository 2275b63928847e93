/**
 * django-cors-headers settings → Policy. Defaults and old names follow the
 * library's src/corsheaders/conf.py; what it sends follows its middleware.py:
 * Vary: Origin on every response it handles, a preflight answered with 200,
 * "*" only for allow-all without credentials, the request's Origin otherwise.
 */
import { finishImport, freshPolicy, keepMaxAge, keepOrigins, keepPatterns, keepTokens, readOrFail, type ImportResult, type ImportWarning, type Sourced } from './import-result.ts';
import { readPythonSettings, type PySetting, type PySettings } from './import-python-settings.ts';
import { DEFAULT_HEADERS, DEFAULT_METHODS, typeName } from './import-python-values.ts';

/** New name → the old name conf.py falls back to. */
const RENAMED: Readonly<Record<string, string>> = {
  CORS_ALLOW_ALL_ORIGINS: 'CORS_ORIGIN_ALLOW_ALL',
  CORS_ALLOWED_ORIGINS: 'CORS_ORIGIN_WHITELIST',
  CORS_ALLOWED_ORIGIN_REGEXES: 'CORS_ORIGIN_REGEX_WHITELIST',
};
const OTHERS = ['CORS_ALLOW_HEADERS', 'CORS_ALLOW_METHODS', 'CORS_ALLOW_CREDENTIALS', 'CORS_ALLOW_PRIVATE_NETWORK', 'CORS_PREFLIGHT_MAX_AGE', 'CORS_EXPOSE_HEADERS', 'CORS_URLS_REGEX'];
const KNOWN = new Set([...Object.keys(RENAMED), ...Object.values(RENAMED), ...OTHERS]);
/** Settings the library's checks.py refuses, by system check id. */
const REMOVED: Readonly<Record<string, string>> = { CORS_MODEL: 'E012', CORS_REPLACE_HTTPS_REFERER: 'E013' };
/** conf.py's CORS_PREFLIGHT_MAX_AGE default, in seconds. */
const DEFAULT_MAX_AGE = 86400;

type Warn = (line: number, text: string) => void;

/** Reads a pasted django-cors-headers settings block; pure, no Python is run. */
export function importDjangoSettings(text: string): ImportResult {
  return readOrFail(() => mapSettings(readPythonSettings(text)));
}

function mapSettings({ settings, warnings: notes }: PySettings): ImportResult {
  const warnings: ImportWarning[] = [...notes];
  const warn: Warn = (line, text) => warnings.push({ line, text });
  const get = (name: string): PySetting | undefined => {
    const old = RENAMED[name];
    const now = settings.get(name);
    const before = old === undefined ? undefined : settings.get(old);
    if (now && before) warn(before.line, `${old} is ignored: ${name}, its new name, is set too`);
    else if (before) warn(before.line, `${old} is the old name of ${name}; django-cors-headers still reads it`);
    return now ?? before;
  };
  for (const s of settings.values()) {
    const id = REMOVED[s.name];
    if (id) warn(s.line, `${s.name} was removed from django-cors-headers, and its system check ${id} stops Django from starting while it is set`);
    else if (!KNOWN.has(s.name)) warn(s.line, `${s.name} is not a django-cors-headers setting; ignored`);
  }

  const credentials = flag(get('CORS_ALLOW_CREDENTIALS'), 'E003', warn);
  const allowAllSetting = get('CORS_ALLOW_ALL_ORIGINS');
  const allowAll = flag(allowAllSetting, 'E005', warn);
  const listed = get('CORS_ALLOWED_ORIGINS');
  const origins = keepOrigins(
    strings(listed, [], 'E006', warn).flatMap((o) => cleanOrigin(o, listed?.name ?? '', warn)),
    listed?.name ?? 'CORS_ALLOWED_ORIGINS',
    warnings,
  );
  if (allowAll && listed && origins.length > 0) warn(listed.line, `${listed.name} is ignored: ${allowAllSetting?.name} allows every origin`);
  const regexSetting = get('CORS_ALLOWED_ORIGIN_REGEXES');
  const regexes = patterns(regexSetting, allowAll, warn);
  urlsRegex(settings.get('CORS_URLS_REGEX'), warn);
  const privateNetwork = settings.get('CORS_ALLOW_PRIVATE_NETWORK');
  if (privateNetwork?.value.kind === 'bool' && privateNetwork.value.value) {
    warn(privateNetwork.line, 'CORS_ALLOW_PRIVATE_NETWORK: the lab does not model Private Network Access, so Access-Control-Allow-Private-Network is left out');
  }

  if (allowAll && credentials) {
    warn(allowAllSetting?.line ?? 1, `${allowAllSetting?.name} with CORS_ALLOW_CREDENTIALS: a credentialed answer cannot use "*", so django-cors-headers sends back each request's own Origin. Every site may then send credentialed requests (cookies included) and read the answers. Imported as reflect.`);
  } else if (credentials && !allowAll) {
    warn(settings.get('CORS_ALLOW_CREDENTIALS')?.line ?? 1, 'django-cors-headers also sends Access-Control-Allow-Credentials: true to origins it does not allow; the lab sends it only beside Access-Control-Allow-Origin. The browser blocks those origins either way.');
  }

  const policy = freshPolicy();
  policy.allowOrigin = allowAll ? (credentials ? 'reflect' : '*') : 'list';
  policy.originList = allowAll ? [] : origins;
  policy.originPatterns = allowAll ? [] : keepPatterns(regexes, regexSetting?.name ?? 'CORS_ALLOWED_ORIGIN_REGEXES', warnings);
  policy.allowMethods = keepTokens(strings(get('CORS_ALLOW_METHODS'), DEFAULT_METHODS, 'E002', warn), 'CORS_ALLOW_METHODS', warnings);
  policy.allowHeaders = keepTokens(strings(get('CORS_ALLOW_HEADERS'), DEFAULT_HEADERS, 'E001', warn), 'CORS_ALLOW_HEADERS', warnings);
  policy.exposeHeaders = keepTokens(strings(get('CORS_EXPOSE_HEADERS'), [], 'E008', warn), 'CORS_EXPOSE_HEADERS', warnings);
  policy.allowCredentials = credentials;
  policy.maxAge = maxAge(settings.get('CORS_PREFLIGHT_MAX_AGE'), warnings);
  // The middleware patches Vary: Origin into every response it handles, allowed or not:
  // fetch.spec.whatwg.org/#cors-protocol-and-http-caches
  policy.varyOrigin = true;
  // It answers a preflight itself with an empty HttpResponse: status 200.
  policy.preflight = 'policy';
  policy.preflightStatus = 200;
  return finishImport(policy, warnings);
}

/** A True/False setting; anything else fails the library's system check, so the default (False) is used. */
function flag(s: PySetting | undefined, check: string, warn: Warn): boolean {
  if (!s) return false;
  if (s.value.kind === 'bool') return s.value.value;
  warn(s.line, `${s.name} should be True or False, not a ${typeName(s.value)}: django-cors-headers' system check ${check} stops Django from starting. Read as False, its default.`);
  return false;
}

/** A sequence of strings as Python iterates it (a string goes character by character), or the default. */
function strings(s: PySetting | undefined, fallback: readonly string[], check: string, warn: Warn): Sourced[] {
  if (!s) return fallback.map((value) => ({ value, line: 1 }));
  const v = s.value;
  if (v.kind === 'str') {
    const chars = [...v.value];
    const fix = v.grouped ? ` (${pyRepr(v.value)}) is a string in parentheses; a one-entry tuple needs a comma: (${pyRepr(v.value)},).` : '';
    warn(v.line, `${s.name} is the string ${JSON.stringify(v.value)}, not a list or tuple.${fix} Python goes through a string one character at a time, so django-cors-headers reads it as ${JSON.stringify(chars)}.`);
    return chars.map((value) => ({ value, line: v.line }));
  }
  if ((v.kind === 'list' || v.kind === 'tuple') && v.items.every((i) => i.kind === 'str')) {
    return v.items.flatMap((i) => (i.kind === 'str' ? [{ value: i.value, line: i.line }] : []));
  }
  warn(s.line, `${s.name} should be a list of strings: django-cors-headers' system check ${check} stops Django from starting. Read as its default${fallback.length ? ` (${fallback.join(', ')})` : ', empty'}.`);
  return fallback.map((value) => ({ value, line: s.line }));
}

/** A string as Python prints it: single quotes unless it holds one. */
const pyRepr = (s: string) => (s.includes("'") && !s.includes('"') ? `"${s}"` : `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);

/** One allowed-origins entry as the policy can hold it: the library compares scheme and host only. */
function cleanOrigin(o: Sourced, setting: string, warn: Warn): Sourced[] {
  if (o.value === 'null') return [o];
  if (o.value === '*') {
    warn(o.line, `${setting}: "*" is not an origin and matches nothing; a list of origins has no wildcard (CORS_ALLOW_ALL_ORIGINS = True allows every origin). Current django-cors-headers also stops Django from starting over it (system check E013: missing scheme or netloc). Left out.`);
    return [];
  }
  const url = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)(.*)$/s.exec(o.value);
  if (!url) {
    if (!/^[A-Za-z0-9.-]+(?::\d+)?\/?$/.test(o.value)) return [o];
    const origin = `http://${o.value.replace(/\/$/, '').toLowerCase()}`;
    warn(o.line, `${setting}: ${JSON.stringify(o.value)} has no scheme. Old django-cors-headers versions listed host[:port] and matched it on any scheme; current ones need the scheme and stop Django from starting without it (system check E013). Imported as ${JSON.stringify(origin)}; add the https:// origin too if the page is served over https.`);
    return [{ value: origin, line: o.line }];
  }
  const [, scheme = '', host = '', rest = ''] = url;
  const origin = `${scheme.toLowerCase()}://${host}`;
  if (rest !== '') {
    warn(o.line, `${setting}: ${JSON.stringify(o.value)} has a path (${JSON.stringify(rest)}); django-cors-headers compares only scheme and host, and current versions stop Django from starting over a path (system check E014). Imported as ${JSON.stringify(origin)}.`);
  }
  return [{ value: origin, line: o.line }];
}

/**
 * The regexes as lab patterns. django-cors-headers calls re.match, anchored at the start, where the lab
 * searches: a pattern that does not start with ^ (or holds a |) is anchored as ^(?:pattern).
 */
function patterns(s: PySetting | undefined, allowAll: boolean, warn: Warn): Sourced[] {
  if (!s) return [];
  const v = s.value;
  const items = v.kind === 'list' || v.kind === 'tuple' ? v.items : null;
  const texts = items?.flatMap((i) => (i.kind === 'str' ? [i.value] : i.kind === 'regex' ? [i.pattern] : []));
  if (!items || !texts || texts.length !== items.length) {
    warn(s.line, `${s.name} should be a list of strings or compiled regexes: django-cors-headers' system check E007 stops Django from starting. Ignored.`);
    return [];
  }
  if (texts.length === 0) return [];
  if (allowAll) {
    warn(s.line, `${s.name} is ignored: every origin is allowed already`);
    return [];
  }
  const anchored = texts.map((t) => (t.startsWith('^') && !t.includes('|') ? t : `^(?:${t})`));
  const changed = texts.filter((t, i) => anchored[i] !== t);
  if (changed.length > 0) {
    warn(s.line, `${s.name}: django-cors-headers matches with re.match, which anchors at the start of the Origin; the lab searches anywhere, so ${changed.map((t) => JSON.stringify(t)).join(', ')} ${changed.length === 1 ? 'is' : 'are'} imported anchored as ^(?:…).`);
  }
  return anchored.map((value) => ({ value, line: s.line }));
}

function urlsRegex(s: PySetting | undefined, warn: Warn): void {
  if (!s) return;
  const pattern = s.value.kind === 'str' ? s.value.value : s.value.kind === 'regex' ? s.value.pattern : null;
  if (pattern === '^.*$') return;
  warn(s.line, pattern === null
    ? `CORS_URLS_REGEX should be a string or a compiled regex: django-cors-headers' system check E009 stops Django from starting. Ignored.`
    : `CORS_URLS_REGEX: django-cors-headers answers CORS only on paths matching ${JSON.stringify(pattern)}; the lab's policy applies to every path of server01.`);
}

/** conf.py's default is 86400; 0 sends no Access-Control-Max-Age (`if conf.CORS_PREFLIGHT_MAX_AGE:`). */
function maxAge(s: PySetting | undefined, warnings: ImportWarning[]): number | null {
  if (!s) return DEFAULT_MAX_AGE;
  if (s.value.kind === 'int' && s.value.value >= 0) return s.value.value === 0 ? null : keepMaxAge(s.value.value, s.line, s.name, warnings);
  warnings.push({ line: s.line, text: `${s.name} should be a whole number of seconds, 0 or more: django-cors-headers' system check E004 stops Django from starting. Read as its default, ${DEFAULT_MAX_AGE}.` });
  return DEFAULT_MAX_AGE;
}
