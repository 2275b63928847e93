/**
 * JSONP (lesson 13): the page names a global function in `?callback=`, and
 * the server answers with a script that calls it with the data. The script
 * runs with the page's full powers, so the name is checked strictly: an
 * unchecked `callback` is a reflected-script hole.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { DATA_BODY } from './ports.ts';

/** A JavaScript identifier, or a dotted path of them (`jQuery.cb`), ASCII only. */
export const JSONP_CALLBACK_PATTERN = '^[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*$';
export const JSONP_CALLBACK_MAX = 128;

export const JsonpQuerySchema = Type.Object({
  callback: Type.String({ pattern: JSONP_CALLBACK_PATTERN, minLength: 1, maxLength: JSONP_CALLBACK_MAX }),
  /** `evil=1`: server01 also runs code of its own in the page (harmless, visible). */
  evil: Type.Optional(Type.Literal('1')),
});
export type JsonpQuery = Static<typeof JsonpQuerySchema>;

/** What the callback receives: the data route's body, as JSON. */
export const JSONP_DATA = { data: DATA_BODY } as const;

/** The query parameter that names the callback, as jQuery's `jsonp` option and Express's `jsonp callback name` default it. */
export const JSONP_PARAM = 'callback';

const CALLBACK = new RegExp(JSONP_CALLBACK_PATTERN);

export function isJsonpCallback(name: string): boolean {
  return name.length <= JSONP_CALLBACK_MAX && CALLBACK.test(name);
}

/** The field and the words for a 400, or null when the query is a good JSONP query. */
export function jsonpQueryProblem(query: unknown): { field: string; message: string } | null {
  const q = (typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>;
  if (Value.Check(JsonpQuerySchema, q)) return null;
  const callback = q[JSONP_PARAM];
  if (callback === undefined) return { field: JSONP_PARAM, message: `${JSONP_PARAM}: required: name the function to call, e.g. ?${JSONP_PARAM}=handleData` };
  if (typeof callback !== 'string' || !isJsonpCallback(callback)) {
    return {
      field: JSONP_PARAM,
      message: `${JSONP_PARAM}: must be a JavaScript identifier or a dotted path of them (letters, digits, _ and $, at most ${JSONP_CALLBACK_MAX} characters); anything else would let the URL write script into the answer`,
    };
  }
  return { field: 'evil', message: 'evil: must be 1 when given' };
}

/**
 * `url` with its callback parameter set to `name`: jQuery's convention. A
 * `callback=?` (or no callback at all) gets the page's generated name; a name
 * the learner typed stays as typed.
 */
export function withJsonpCallback(url: string, name: string): string {
  const hash = url.indexOf('#');
  const base = hash === -1 ? url : url.slice(0, hash);
  const fragment = hash === -1 ? '' : url.slice(hash);
  const q = base.indexOf('?');
  const path = q === -1 ? base : base.slice(0, q);
  const pairs = q === -1 || q === base.length - 1 ? [] : base.slice(q + 1).split('&');
  const isParam = (p: string) => p === JSONP_PARAM || p.startsWith(`${JSONP_PARAM}=`);
  const given = pairs.find(isParam);
  if (given !== undefined && given !== `${JSONP_PARAM}=?` && given !== `${JSONP_PARAM}=`) return url;
  const mine = `${JSONP_PARAM}=${name}`;
  const filled = given === undefined ? [...pairs, mine] : pairs.map((p) => (isParam(p) ? mine : p));
  return `${path}?${filled.join('&')}${fragment}`;
}

/** What a `<script src>` load gave the page (JSONP): it ran, so the page reports what it saw happen. */
export interface ScriptLoad {
  readonly kind: 'script';
  /** JSON of the callback's first argument; null when the callback was never called. */
  readonly received: string | null;
  /** The page's title before and after, when the loaded script changed it. */
  readonly titleChanged: { readonly from: string; readonly to: string } | null;
  /** Elements the loaded script added to the page's body. */
  readonly elementsAdded: number;
  /** An error the loaded script threw, as the page sees it: "Script error." for a cross-origin script. */
  readonly thrown: string | null;
}
