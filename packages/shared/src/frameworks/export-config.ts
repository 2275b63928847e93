/**
 * The lab's policy as configuration for real servers: one pure exporter per
 * target, each with notes where the library cannot say what the policy says.
 */
import type { Lang } from '../lessons/types.ts';
import type { Policy } from '../policy.ts';
import { djangoCorsHeaders } from './django-cors-headers.ts';
import { expressCors } from './express-cors.ts';
import { expressManual } from './express-manual.ts';
import { fastifyCors } from './fastify-cors.ts';
import { flaskCors } from './flask-cors.ts';
import { nginx } from './nginx.ts';
import type { ConfigLanguage, ExportedConfig, TargetId } from './notes.ts';

export type { ConfigLanguage, ExportedConfig, Note, TargetId } from './notes.ts';

export interface ExportTarget {
  readonly id: TargetId;
  readonly name: string;
  readonly language: ConfigLanguage;
}

/** Every target, in the order the editor offers them. */
export const TARGETS: readonly ExportTarget[] = [
  { id: 'express-cors', name: 'Express + cors', language: 'javascript' },
  { id: 'express-manual', name: 'Express (hand-written middleware)', language: 'javascript' },
  { id: 'fastify-cors', name: 'Fastify + @fastify/cors', language: 'javascript' },
  { id: 'django-cors-headers', name: 'Django + django-cors-headers', language: 'python' },
  { id: 'flask-cors', name: 'Flask + flask-cors', language: 'python' },
  { id: 'nginx', name: 'nginx', language: 'nginx' },
];

const EXPORTERS: Record<TargetId, (policy: Policy, lang: Lang) => ExportedConfig> = {
  'django-cors-headers': djangoCorsHeaders,
  'flask-cors': flaskCors,
  'express-cors': expressCors,
  'express-manual': expressManual,
  'fastify-cors': fastifyCors,
  nginx,
};

/** The policy as configuration for one target, with its notes in `lang` (the code is the same in both). */
export function exportConfig(policy: Policy, target: TargetId, lang: Lang = 'en'): ExportedConfig {
  return EXPORTERS[target](policy, lang);
}
