import { describe, expect, it } from 'vitest';
import { BACKENDS, backendSpec, installCommand } from './backend-catalog.ts';

describe('installCommand', () => {
  it('names the Debian packages where apt-get exists, pip packages elsewhere, and pnpm for the Node libraries', () => {
    const commands = BACKENDS.map((b) => [b.id, installCommand(b.runtime, true), installCommand(b.runtime, false)]);
    expect(commands).toEqual([
      ['express-cors', 'pnpm install', 'pnpm install'],
      ['fastify-cors', 'pnpm install', 'pnpm install'],
      ['django-cors-headers', 'apt-get install python3-django python3-django-cors-headers', 'pip install django django-cors-headers'],
      ['flask-cors', 'apt-get install python3-flask python3-flask-cors', 'pip install flask flask-cors'],
      ['nginx', 'apt-get install nginx', 'install nginx with your package manager'],
    ]);
  });
});

describe('backendSpec', () => {
  it("runs each backend on its own exporter's code, under the exporter's name, and refuses an unknown id", () => {
    expect([backendSpec('flask-cors').target, backendSpec('nginx').name]).toEqual(['flask-cors', 'nginx']);
    expect(() => backendSpec('rails' as never)).toThrow('unknown backend rails');
  });
});
