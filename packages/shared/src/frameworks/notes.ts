/**
 * What an exporter returns, and the notes several targets share: where a
 * library cannot say what the policy says, or says it only through a trap.
 */
import type { Policy } from '../policy.ts';

export type TargetId = 'django-cors-headers' | 'flask-cors' | 'express-cors' | 'express-manual' | 'fastify-cors' | 'nginx';

export type ConfigLanguage = 'python' | 'javascript' | 'nginx';

/** trap: the snippet is right, but the library bites whoever edits it; inexact: the library cannot send what the lab sends. */
export interface Note {
  readonly kind: 'trap' | 'inexact';
  readonly name: string;
  readonly text: string;
}

/** A server configuration equivalent to a policy, with the notes to show beside it. */
export interface ExportedConfig {
  readonly target: TargetId;
  readonly language: ConfigLanguage;
  readonly code: string;
  readonly notes: readonly Note[];
}

export const trap = (name: string, text: string): Note => ({ kind: 'trap', name, text });
export const inexact = (name: string, text: string): Note => ({ kind: 'inexact', name, text });

/** For the library targets: raw answers are status and header lines, not a library's configuration. */
export function rawModeNote(library: string): Note {
  return inexact(
    'raw-mode',
    `Raw mode sends exact status and header lines, which is not something ${library} can be configured to do: ` +
      'this is the configuration for the policy underneath. The Express (hand-written) and nginx exports send the raw answers exactly.',
  );
}

/** Traps of the policy itself, whatever the server: `*` or any origin echoed, with credentials. */
export function credentialsTraps(policy: Policy, library: string): Note[] {
  if (!policy.allowCredentials) return [];
  if (policy.allowOrigin === 'reflect') {
    return [
      trap(
        'reflect-with-credentials',
        'The policy echoes any Origin with Access-Control-Allow-Credentials: true, so every site on the web can send ' +
          'credentialed requests (cookies included) and read the answers. List the origins you trust instead.',
      ),
    ];
  }
  if (policy.allowOrigin === '*') {
    return [
      trap(
        'wildcard-with-credentials',
        `${library} sends Access-Control-Allow-Origin: * together with Access-Control-Allow-Credentials: true, as the policy says, ` +
          'and nothing warns; browsers refuse that answer to a credentialed request (fetch.spec.whatwg.org/#cors-check).',
      ),
    ];
  }
  return [];
}

/**
 * A policy that allows no origin means no library at all, so a preflight
 * reaches the routes instead of getting the lab's empty answer, and nothing
 * adds the Vary: Origin the policy may send.
 */
export function noCorsNotes(policy: Policy, library: string): Note[] {
  const notes: Note[] = [];
  if (policy.preflight === 'policy') {
    notes.push(
      inexact(
        'no-cors-preflight',
        `Without ${library} a preflight reaches your app like any request (the framework may answer 200 with an Allow header, ` +
          `or 404 or 405) where the lab answers ${policy.preflightStatus} with no CORS headers; without ` +
          'Access-Control-Allow-Origin the browser fails the preflight either way.',
      ),
    );
  }
  if (policy.varyOrigin) {
    notes.push(inexact('vary-origin', `The policy sends Vary: Origin on every answer; without ${library} nothing adds it, so add it in your app if a cache sits in front.`));
  }
  return notes;
}

/** allowedHeaders of cors and @fastify/cors: left out, the library echoes Access-Control-Request-Headers. */
export function allowedHeadersTrap(library: string): Note {
  return trap(
    'allowed-headers-reflect',
    `allowedHeaders is load-bearing, even as an empty list: leave it out and ${library} echoes whatever the preflight asks for ` +
      'in Access-Control-Request-Headers, allowing every header.',
  );
}

/**
 * cors and @fastify/cors decide only Access-Control-Allow-Origin by the origin: every other header goes to
 * an origin a list refuses, and to a request without Origin, which `origin: true` has nothing to echo for.
 */
export function headersWithoutOriginNote(policy: Policy, library: string): Note[] {
  const others = policy.allowCredentials || policy.allowMethods.length + policy.allowHeaders.length + policy.exposeHeaders.length > 0 || policy.maxAge !== null;
  if ((policy.allowOrigin !== 'list' && policy.allowOrigin !== 'reflect') || !others) return [];
  const to = policy.allowOrigin === 'list' ? 'to an origin it refuses and to a request without Origin' : 'to a request without Origin, which it has no Origin to echo for';
  return [
    inexact(
      'headers-without-origin',
      `${library} sends its other CORS headers (Allow-Credentials, Allow-Methods, Allow-Headers, Max-Age, Expose-Headers, ` +
        `as configured) even ${to}, only without Access-Control-Allow-Origin; the lab sends none of them. ` +
        'Without Allow-Origin the browser fails the request either way.',
    ),
  ];
}

/**
 * Access-Control-Expose-Headers matters only on an actual answer (fetch.spec.whatwg.org/#http-access-control-expose-headers);
 * cors, @fastify/cors, django-cors-headers and flask-cors send it on preflight answers too.
 */
export function exposeOnPreflightNote(policy: Policy, library: string): Note[] {
  if (policy.preflight !== 'policy' || policy.exposeHeaders.length === 0) return [];
  return [
    inexact(
      'expose-on-preflight',
      `${library} sends Access-Control-Expose-Headers on preflight answers too, where the lab sends it only on actual answers; ` +
        'browsers read it only on the actual answer, so the extra header does nothing.',
    ),
  ];
}

/**
 * Node's HTTP parser (llhttp) knows a fixed list of methods and answers any other one, such as a custom
 * VIEW or a lowercase patch, with 400 and no headers before the framework sees the request. server01
 * answers those from the raw bytes (apps/server01/src/rejected-method.ts).
 */
export function nodeRefusesMethodNote(sendsHeaders: boolean, framework: string): Note[] {
  if (!sendsHeaders) return [];
  return [
    inexact(
      'node-refuses-method',
      `Node's HTTP parser answers 400 Bad Request, with no CORS headers, to a method it does not know (a custom VIEW, a lowercase patch) ` +
        `before ${framework} sees the request; the lab answers it with the policy's headers. Browsers send such methods after a preflight that allows them.`,
    ),
  ];
}

/** django-cors-headers sends Allow-Credentials before it checks the origin. */
export function credentialsWithoutOriginNote(policy: Policy, library: string): Note[] {
  if (!policy.allowCredentials || policy.allowOrigin !== 'list') return [];
  return [
    inexact(
      'credentials-without-origin',
      `${library} sends Access-Control-Allow-Credentials: true even to an origin it refuses; the lab sends it only beside ` +
        'Access-Control-Allow-Origin. Without Allow-Origin the browser fails the request either way.',
    ),
  ];
}
