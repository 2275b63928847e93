/**
 * The CORS explainer's wire format: a scenario (a page, a request, the
 * server's answers) and the verdict on it. ../shared/cors-scenarios/FORMAT.md
 */
import { Type, type Static } from '@sinclair/typebox';

const headerValue = Type.Union([Type.String(), Type.Array(Type.String())]);

export const ScenarioHeadersSchema = Type.Record(Type.String(), headerValue);
export type ScenarioHeaders = Static<typeof ScenarioHeadersSchema>;

export const ScenarioAnswerSchema = Type.Object({
  status: Type.Integer({ minimum: 100, maximum: 999 }),
  headers: Type.Optional(ScenarioHeadersSchema),
  body: Type.Optional(Type.String()),
});
export type ScenarioAnswer = Static<typeof ScenarioAnswerSchema>;

export const CredentialsSchema = Type.Union([Type.Literal('omit'), Type.Literal('same-origin'), Type.Literal('include')]);

export const ScenarioSchema = Type.Object({
  id: Type.String(),
  note: Type.Optional(Type.String()),
  page: Type.String(),
  request: Type.Object({
    url: Type.String(),
    method: Type.String(),
    headers: Type.Optional(Type.Record(Type.String(), Type.String())),
    credentials: Type.Optional(CredentialsSchema),
    body: Type.Optional(Type.String()),
    repeat: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  }),
  server: Type.Object({
    preflight: Type.Optional(ScenarioAnswerSchema),
    actual: ScenarioAnswerSchema,
  }),
});
export type Scenario = Static<typeof ScenarioSchema>;

export const OutcomeSchema = Type.Union([Type.Literal('allowed'), Type.Literal('blocked'), Type.Literal('not-sent')]);
export type Outcome = Static<typeof OutcomeSchema>;

export const VerdictSchema = Type.Object({
  id: Type.String(),
  preflight: Type.Boolean(),
  preflights: Type.Integer({ minimum: 0 }),
  actualSent: Type.Boolean(),
  outcome: OutcomeSchema,
  blockedAt: Type.Union([Type.Literal('preflight'), Type.Literal('actual'), Type.Null()]),
  exposedHeaders: Type.Array(Type.String()),
  reason: Type.String(),
});
export type Verdict = Static<typeof VerdictSchema>;

/** The fields real Chromium's behaviour decides; `reason` is words for people. */
export type Observed = Omit<Verdict, 'reason'>;

export const OBSERVED_FIELDS = ['preflight', 'preflights', 'actualSent', 'outcome', 'blockedAt', 'exposedHeaders'] as const;

/** Header lines of a scenario answer, a list value giving one line per value. */
export function scenarioHeaderLines(headers: ScenarioHeaders | undefined): [string, string][] {
  return Object.entries(headers ?? {}).flatMap(([n, v]) => (Array.isArray(v) ? v : [v]).map((x): [string, string] => [n, x]));
}
