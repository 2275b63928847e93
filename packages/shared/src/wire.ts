/** Wire formats between server01, server02 and the page: one schema each. */
import { Type, type Static } from '@sinclair/typebox';
import { BackendStateSchema } from './backend.ts';
import { PolicySchema } from './policy.ts';

export const HeaderLinesSchema = Type.Array(Type.Tuple([Type.String(), Type.String()]));

export const WireRequestSchema = Type.Object({
  /** As received, case kept (`patch`, `VIEW`). */
  method: Type.String(),
  url: Type.String(),
  httpVersion: Type.String(),
  /** In the order received, names as sent. */
  headers: HeaderLinesSchema,
  /** The start of the body, decoded as UTF-8. */
  body: Type.String(),
  bodyBytes: Type.Integer(),
});
export type WireRequest = Static<typeof WireRequestSchema>;

export const WireResponseSchema = Type.Object({
  status: Type.Integer(),
  /** As written on the wire, after everything that sets them. */
  headers: HeaderLinesSchema,
  body: Type.String(),
  bodyBytes: Type.Integer(),
});
export type WireResponse = Static<typeof WireResponseSchema>;

export const ServerRecordSchema = Type.Object({
  kind: Type.Union([Type.Literal('preflight'), Type.Literal('actual')]),
  /** node: Node's HTTP parser took it; raw: the parser refused the method, server01 answered from the raw bytes. */
  parser: Type.Union([Type.Literal('node'), Type.Literal('raw')]),
  /** backend: a real library behind server01 answered (which one in `backend`). */
  answeredBy: Type.Union([Type.Literal('policy'), Type.Literal('raw'), Type.Literal('routes'), Type.Literal('backend')]),
  backend: Type.Optional(Type.String()),
  request: WireRequestSchema,
  response: WireResponseSchema,
  /** Epoch milliseconds, fractional. */
  receivedAt: Type.Number(),
  respondedAt: Type.Number(),
});
export type ServerRecord = Static<typeof ServerRecordSchema>;

const seq = Type.Integer({ minimum: 1 });

export const LabEventSchema = Type.Union([
  Type.Object({ type: Type.Literal('record'), seq, record: ServerRecordSchema }),
  Type.Object({ type: Type.Literal('policy'), seq, policy: PolicySchema }),
  /** The lab went back to its starting policy; its history was cleared. */
  Type.Object({ type: Type.Literal('reset'), seq, policy: PolicySchema }),
  /** Who answers for the lab now: its policy engine or a real library, and whether that runs. */
  Type.Object({ type: Type.Literal('backend'), seq, backend: BackendStateSchema }),
  /** The teacher moved the class to a lesson step. */
  Type.Object({ type: Type.Literal('goto'), seq, lesson: Type.String(), step: Type.Integer({ minimum: 0 }) }),
]);
export type LabEvent = Static<typeof LabEventSchema>;
export type RecordEvent = Extract<LabEvent, { type: 'record' }>;

/** GET /api/history?after=N: the events after N, and whether some were already dropped. */
export const HistorySchema = Type.Object({
  events: Type.Array(LabEventSchema),
  head: Type.Integer({ minimum: 0 }),
  /** True when events after `after` were dropped from the bounded history. */
  gap: Type.Boolean(),
});
export type History = Static<typeof HistorySchema>;

/** Every 4xx the control plane sends. */
export const ErrorBodySchema = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
  errors: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
});
export type ErrorBody = Static<typeof ErrorBodySchema>;

/**
 * GET /api/config: how this lab is run. `labs: 'own'` gives each browser a
 * lab of its own (a classroom); `shared` keeps the classic single lab.
 * `instance` changes when the servers restart, so a page knows to re-send its policy.
 */
export const LabConfigSchema = Type.Object({
  labs: Type.Union([Type.Literal('shared'), Type.Literal('own')]),
  instance: Type.String(),
  historyLimit: Type.Integer({ minimum: 1 }),
});
export type LabConfig = Static<typeof LabConfigSchema>;
