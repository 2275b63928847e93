/** The policies the conformance check exports to every library: one per shape a lesson uses. */
import { EMPTY_POLICY, type Policy } from '@cors-lab/shared';
import { MATRIX_ORIGINS } from './request-matrix.ts';

export interface NamedPolicy {
  readonly name: string;
  readonly policy: Policy;
}

const policy = (name: string, changes: Partial<Policy>): NamedPolicy => ({ name, policy: { ...EMPTY_POLICY, ...changes } });

export const CONFORMANCE_POLICIES: readonly NamedPolicy[] = [
  policy('empty', {}),
  policy('none-vary', { varyOrigin: true, allowMethods: ['PUT'] }),
  policy('list-credentials', {
    allowOrigin: 'list',
    originList: [MATRIX_ORIGINS.listed],
    allowMethods: ['GET', 'PUT', 'DELETE'],
    allowHeaders: ['x-custom-header'],
    exposeHeaders: ['x-custom-header'],
    allowCredentials: true,
    maxAge: 600,
    varyOrigin: true,
  }),
  policy('two-origins', {
    allowOrigin: 'list',
    originList: [MATRIX_ORIGINS.listed, 'http://127.0.0.1:8100'],
    allowMethods: ['PUT'],
    allowHeaders: ['x-custom-header', 'authorization'],
    exposeHeaders: ['x-custom-header', 'x-request-id'],
    maxAge: 3600,
    preflightStatus: 200,
  }),
  // Lesson 12: an anchored pattern for the listed origin, and an unanchored one found inside the other origin
  // (Python's re.match would miss it unless the export keeps the lab's search).
  policy('origin-patterns', {
    allowOrigin: 'list',
    originList: [],
    originPatterns: [`^${MATRIX_ORIGINS.listed.replace(/\./g, '\\.')}$`, 'ther\\.exam'],
    allowMethods: ['PUT'],
    allowHeaders: ['x-custom-header'],
    allowCredentials: true,
    maxAge: 600,
    varyOrigin: true,
  }),
  policy('wildcard', { allowOrigin: '*', allowMethods: ['*'], allowHeaders: ['*'], exposeHeaders: ['*'] }),
  policy('wildcard-credentials', {
    allowOrigin: '*',
    allowMethods: ['GET', 'PUT'],
    allowHeaders: ['x-custom-header'],
    allowCredentials: true,
    maxAge: 600,
    varyOrigin: true,
  }),
  policy('reflect-credentials', {
    allowOrigin: 'reflect',
    allowMethods: ['GET', 'PUT', 'DELETE', 'VIEW'],
    allowHeaders: ['authorization', 'x-custom-header'],
    allowCredentials: true,
    maxAge: 0,
    preflightStatus: 200,
  }),
  policy('preflight-routes', {
    allowOrigin: 'list',
    originList: [MATRIX_ORIGINS.listed],
    allowMethods: ['PUT', 'DELETE'],
    allowHeaders: ['x-custom-header'],
    exposeHeaders: ['x-custom-header'],
    allowCredentials: true,
    maxAge: 60,
    varyOrigin: true,
    preflight: 'routes',
  }),
];
