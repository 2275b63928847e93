/**
 * Who decides server01's CORS headers: the lab's own policy engine, or a real
 * library running the policy's exported configuration behind server01.
 */
import { Type, type Static } from '@sinclair/typebox';

export const BACKEND_CHOICES = ['lab', 'express-cors', 'fastify-cors', 'django-cors-headers', 'flask-cors', 'nginx'] as const;

export const BackendChoiceSchema = Type.Union(
  BACKEND_CHOICES.map((id) => Type.Literal(id)),
  { description: `must be one of ${BACKEND_CHOICES.join(', ')}` },
);
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
/** A real library behind server01. */
export type RealBackend = Exclude<BackendChoice, 'lab'>;

export const BACKEND_NAMES: Record<BackendChoice, string> = {
  lab: "the lab's policy engine",
  'express-cors': 'Express + cors',
  'fastify-cors': 'Fastify + @fastify/cors',
  'django-cors-headers': 'Django + django-cors-headers',
  'flask-cors': 'Flask + flask-cors',
  nginx: 'nginx',
};

/** A lab's backend: which one, and whether it runs. `failed` carries what went wrong, in the backend's own words. */
export const BackendStateSchema = Type.Object({
  id: BackendChoiceSchema,
  status: Type.Union([Type.Literal('starting'), Type.Literal('ready'), Type.Literal('failed')]),
  message: Type.Optional(Type.String()),
});
export type BackendState = Static<typeof BackendStateSchema>;

export const LAB_ENGINE: BackendState = { id: 'lab', status: 'ready' };

/** PUT /api/backend */
export const BackendSelectionSchema = Type.Object({ backend: BackendChoiceSchema }, { additionalProperties: false });

/** GET /api/backends: what can run here; for the rest, what to install. */
export const BackendListSchema = Type.Object({
  backends: Type.Array(
    Type.Object({
      id: BackendChoiceSchema,
      name: Type.String(),
      available: Type.Boolean(),
      install: Type.Optional(Type.String()),
      reason: Type.Optional(Type.String()),
    }),
  ),
  current: BackendStateSchema,
});
export type BackendList = Static<typeof BackendListSchema>;
