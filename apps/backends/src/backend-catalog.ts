/**
 * The real servers the lab can hand its CORS decision to: which exported
 * configuration each runs, and what it needs installed.
 */
import { TARGETS, type TargetId } from '@cors-lab/shared';

export type BackendId = 'express-cors' | 'fastify-cors' | 'django-cors-headers' | 'flask-cors' | 'nginx';

/** What a backend needs: Node packages of this workspace, Python modules, or the nginx binary. */
export type Runtime =
  | { readonly kind: 'node'; readonly packages: readonly string[] }
  | { readonly kind: 'python'; readonly modules: readonly string[]; readonly debian: readonly string[]; readonly pip: readonly string[] }
  | { readonly kind: 'nginx' };

export interface BackendSpec {
  readonly id: BackendId;
  readonly name: string;
  /** The exporter whose code the backend runs. */
  readonly target: TargetId;
  readonly runtime: Runtime;
}

const nameOf = (target: TargetId) => TARGETS.find((t) => t.id === target)?.name ?? target;

const spec = (id: BackendId, runtime: Runtime): BackendSpec => ({ id, name: nameOf(id), target: id, runtime });

/** Every backend, in the order the lab offers them. */
export const BACKENDS: readonly BackendSpec[] = [
  spec('express-cors', { kind: 'node', packages: ['express', 'cors'] }),
  spec('fastify-cors', { kind: 'node', packages: ['fastify', '@fastify/cors'] }),
  spec('django-cors-headers', {
    kind: 'python',
    modules: ['django', 'corsheaders'],
    debian: ['python3-django', 'python3-django-cors-headers'],
    pip: ['django', 'django-cors-headers'],
  }),
  spec('flask-cors', { kind: 'python', modules: ['flask', 'flask_cors'], debian: ['python3-flask', 'python3-flask-cors'], pip: ['flask', 'flask-cors'] }),
  spec('nginx', { kind: 'nginx' }),
];

export const BACKEND_IDS: readonly BackendId[] = BACKENDS.map((b) => b.id);

export function backendSpec(id: BackendId): BackendSpec {
  const found = BACKENDS.find((b) => b.id === id);
  if (found === undefined) throw new Error(`unknown backend ${String(id)}: one of ${BACKEND_IDS.join(', ')}`);
  return found;
}

/** The command that installs a runtime: Debian packages where apt-get exists, else pip; Node packages come with the workspace. */
export function installCommand(runtime: Runtime, hasApt: boolean): string {
  switch (runtime.kind) {
    case 'node':
      return 'pnpm install';
    case 'python':
      return hasApt ? `apt-get install ${runtime.debian.join(' ')}` : `pip install ${runtime.pip.join(' ')}`;
    case 'nginx':
      return hasApt ? 'apt-get install nginx' : 'install nginx with your package manager';
  }
}
