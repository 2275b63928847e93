/**
 * The policy as @fastify/cors options. Its behaviour as read in
 * fastify/fastify-cors index.js: without allowedHeaders it echoes
 * Access-Control-Request-Headers; origin '*' with credentials sends both
 * without complaint; strictPreflight answers 400 to an OPTIONS without Origin
 * or Access-Control-Request-Method; preflight: false leaves OPTIONS to the
 * routes; an array or `true` adds Vary: Origin to every answer; every header
 * but Allow-Origin goes out whatever the origin.
 */
import type { Lang } from '../lessons/types.ts';
import type { Policy } from '../policy.ts';
import { said } from '../said.ts';
import { jsStr, listLines } from './literals.ts';
import { jsRegExp, patternsOf, patternTraps } from './origin-pattern-export.ts';
import {
  allowedHeadersTrap,
  credentialsTraps,
  exposeOnPreflightNote,
  headersWithoutOriginNote,
  inexact,
  noCorsNotes,
  nodeRefusesMethodNote,
  type ExportedConfig,
  type Note,
  rawModeNote,
} from './notes.ts';

const LIBRARY = '@fastify/cors';
const WIDTH = 80;
const INDENT = '  ';

/** A hook adding Vary: Origin to every answer, added before the plugin so it runs before a preflight is answered. */
const varyOrigin = (why: string) => [
  `// Vary: Origin on every answer, as the policy says${why}.`,
  "fastify.addHook('onRequest', async (request, reply) => {",
  "  reply.header('Vary', 'Origin');",
  '});',
];

const option = (name: string, items: readonly string[]) => listLines(`${name}: `, items.map(jsStr), ',', INDENT, WIDTH);

/** A list origin: the exact origins as strings, the patterns as RegExps (tested with .test(), a search, as the lab does). */
const originOption = (policy: Policy) =>
  listLines('origin: ', [...policy.originList.map(jsStr), ...patternsOf(policy).map((p) => jsRegExp(p, jsStr))], ',', INDENT, WIDTH);

/** A Fastify app with @fastify/cors registered for the policy. */
export function fastifyCors(policy: Policy, lang: Lang = 'en'): ExportedConfig {
  const notes: Note[] = policy.raw.enabled ? [rawModeNote(LIBRARY, lang)] : [];
  const head = policy.allowOrigin === 'none' ? ["import Fastify from 'fastify';"] : ["import cors from '@fastify/cors';", "import Fastify from 'fastify';"];
  const code = [...head, '', 'const fastify = Fastify();'];
  // A static '*' never varies, so the plugin adds no Vary for it; the policy may still want one.
  if (policy.varyOrigin && (policy.allowOrigin === 'none' || policy.allowOrigin === '*')) code.push('', ...varyOrigin(policy.allowOrigin === '*' ? ' (@fastify/cors adds none for a fixed *)' : ''));
  if (policy.allowOrigin === 'none') {
    code.push('', '// No CORS: the policy allows no origin, so there is no @fastify/cors to register.');
    // The snippet adds Vary itself, so only the preflight note is left.
    const none = [...noCorsNotes({ ...policy, varyOrigin: false }, LIBRARY, lang), ...nodeRefusesMethodNote(policy.varyOrigin, 'Fastify', lang)];
    return { target: 'fastify-cors', language: 'javascript', code: code.join('\n'), notes: [...notes, ...none] };
  }
  const origin = policy.allowOrigin === '*' ? [`${INDENT}origin: '*',`] : policy.allowOrigin === 'reflect' ? [`${INDENT}origin: true, // echoes the request's Origin`] : originOption(policy);
  const options = [...origin, ...option('methods', policy.allowMethods), ...option('allowedHeaders', policy.allowHeaders)];
  if (policy.exposeHeaders.length > 0) options.push(...option('exposedHeaders', policy.exposeHeaders));
  if (policy.allowCredentials) options.push(`${INDENT}credentials: true,`);
  if (policy.maxAge !== null) options.push(`${INDENT}maxAge: ${policy.maxAge},`);
  if (policy.preflight === 'routes') options.push(`${INDENT}preflight: false, // OPTIONS goes to your routes, with the actual-answer headers`);
  else if (policy.preflightStatus !== 204) options.push(`${INDENT}optionsSuccessStatus: ${policy.preflightStatus},`);
  code.push('', 'await fastify.register(cors, {', ...options, '});');
  return { target: 'fastify-cors', language: 'javascript', code: code.join('\n'), notes: [...notes, ...fastifyNotes(policy, lang)] };
}

function fastifyNotes(policy: Policy, lang: Lang = 'en'): Note[] {
  const notes = [...credentialsTraps(policy, LIBRARY, lang), ...patternTraps(policy), allowedHeadersTrap(LIBRARY, lang), ...headersWithoutOriginNote(policy, LIBRARY, lang), ...exposeOnPreflightNote(policy, LIBRARY, lang)];
  if (!policy.varyOrigin && policy.allowOrigin !== '*') {
    notes.push(
      inexact('vary-origin', said('@fastify/cors adds Vary: Origin to every answer when origin is an array or true, which the policy does not send; harmless, one more header.', 'origin 是数组或 true 时，@fastify/cors 会在每个应答上加 Vary: Origin，而策略并不发送它；无害，只是多一个头。'), lang),
    );
  }
  if (policy.preflight === 'policy') {
    notes.push(
      inexact('strict-preflight', said('strictPreflight (on by default) answers 400 to an OPTIONS request without Origin or Access-Control-Request-Method; the ' +
          'lab passes one without Access-Control-Request-Method on to the routes and answers one without Origin as a preflight.', 'strictPreflight（默认开启）对没有 Origin 或没有 Access-Control-Request-Method 的 OPTIONS 请求应答 400；实验室会把没有 Access-Control-Request-Method 的交给路由，把没有 Origin 的当作预检应答。'), lang),
    );
    if (policy.allowMethods.length === 0 || policy.allowHeaders.length === 0) {
      notes.push(
        inexact('empty-list-sent', said('With an empty methods or allowedHeaders, @fastify/cors still sends that header on a preflight, with an empty value, ' +
            'where the lab sends none; browsers read both as an empty list.', 'methods 或 allowedHeaders 为空时，@fastify/cors 仍在预检应答里发送对应的头，值为空，而实验室一个都不发；浏览器把两者都读作空列表。'), lang),
      );
    }
  }
  return [...notes, ...nodeRefusesMethodNote(true, 'Fastify', lang)];
}
