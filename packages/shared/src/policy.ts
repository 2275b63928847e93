/**
 * server01's CORS policy: one typed model, one schema, shared by the editor,
 * server02's control plane (validation at the edge) and server01 (answers).
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { HEADER_VALUE_PATTERN, ORIGIN_PATTERN, TOKEN_PATTERN } from './http-syntax.ts';
import { ORIGIN_PATTERN_MAX } from './origin-patterns.ts';

const token = (what: string) =>
  Type.String({ pattern: TOKEN_PATTERN, maxLength: 128, description: `must be ${what}: an HTTP token (letters, digits, ! # $ % & ' * + - . ^ _ \` | ~), no spaces` });

const headerValue = Type.String({
  pattern: HEADER_VALUE_PATTERN,
  maxLength: 4096,
  description: 'must be a header value: no CR, LF or NUL, no control characters, no leading or trailing space, at most 4096 bytes',
});

const serializedOrigin = Type.String({
  pattern: ORIGIN_PATTERN,
  maxLength: 512,
  description: 'must be a serialized origin such as http://localhost:8100: scheme://host[:port], lowercase, no path, no trailing slash',
});

const originPattern = Type.String({
  minLength: 1,
  maxLength: ORIGIN_PATTERN_MAX,
  description: `must be a JavaScript regular expression of 1 to ${ORIGIN_PATTERN_MAX} characters, such as ^https://[a-z]+\\.example\\.com$`,
});

const list = <T extends TSchema>(item: T) => Type.Array(item, { maxItems: 32, description: 'must be a list of at most 32 entries' });

const status = Type.Integer({ minimum: 200, maximum: 599, description: 'must be an HTTP status from 200 to 599' });

/** A header that must appear twice on the wire is a list value, as in cors-scenarios/FORMAT.md. */
export const RawHeadersSchema = Type.Record(
  Type.String({ pattern: TOKEN_PATTERN }),
  Type.Union([headerValue, Type.Array(headerValue, { minItems: 1, maxItems: 16 })], {
    description: 'must be a header value (no CR, LF or NUL, no control characters, no leading or trailing space) or a list of 1 to 16 of them',
  }),
  { maxProperties: 64, description: 'must map header names (HTTP tokens) to values' },
);
export type RawHeaders = Static<typeof RawHeadersSchema>;

/** One answer in raw mode: exact status and headers; the body falls back to the route's. */
export const RawAnswerSchema = Type.Object(
  {
    status,
    headers: RawHeadersSchema,
    body: Type.Optional(Type.String({ maxLength: 65536, description: 'must be at most 65536 characters' })),
  },
  { additionalProperties: false },
);
export type RawAnswer = Static<typeof RawAnswerSchema>;

export const AllowOriginSchema = Type.Union(
  [Type.Literal('none'), Type.Literal('*'), Type.Literal('list'), Type.Literal('reflect')],
  { description: 'must be one of none, *, list, reflect' },
);
export type AllowOrigin = Static<typeof AllowOriginSchema>;

export const PolicySchema = Type.Object(
  {
    /** none: no Access-Control-Allow-Origin; `*`; one of `originList` or `originPatterns`; or the request's Origin echoed. */
    allowOrigin: AllowOriginSchema,
    originList: list(serializedOrigin),
    /**
     * With `list`, an Origin matching one of these regular expressions is allowed too
     * (RegExp.test: a search, anchored only where the pattern says ^ or $). Optional: older states have none.
     */
    originPatterns: Type.Optional(list(originPattern)),
    allowMethods: list(token('a method or *')),
    allowHeaders: list(token('a header name or *')),
    exposeHeaders: list(token('a header name or *')),
    allowCredentials: Type.Boolean({ description: 'must be true or false' }),
    /** Seconds; null sends no Access-Control-Max-Age. */
    maxAge: Type.Union([Type.Null(), Type.Integer({ minimum: 0, maximum: 2147483647 })], {
      description: 'must be empty or a whole number of seconds from 0 to 2147483647',
    }),
    varyOrigin: Type.Boolean({ description: 'must be true or false' }),
    /** policy: server01 answers preflights itself; routes: OPTIONS goes to the routes like any method. */
    preflight: Type.Union([Type.Literal('policy'), Type.Literal('routes')], { description: 'must be policy or routes' }),
    preflightStatus: status,
    raw: Type.Object(
      { enabled: Type.Boolean({ description: 'must be true or false' }), preflight: RawAnswerSchema, actual: RawAnswerSchema },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type Policy = Static<typeof PolicySchema>;

/** The classic demo's starting point: server01 knows nothing about CORS. */
export const EMPTY_POLICY: Policy = {
  allowOrigin: 'none',
  originList: [],
  originPatterns: [],
  allowMethods: [],
  allowHeaders: [],
  exposeHeaders: [],
  allowCredentials: false,
  maxAge: null,
  varyOrigin: false,
  preflight: 'policy',
  preflightStatus: 204,
  raw: {
    enabled: false,
    preflight: { status: 200, headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT' } },
    actual: { status: 200, headers: {} },
  },
};

/** Most bytes a policy may take as JSON on the control plane. */
export const POLICY_BODY_LIMIT = 64 * 1024;
