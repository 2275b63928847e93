/**
 * The policy as options of Express's `cors` middleware. Its behaviour as read
 * in expressjs/cors lib/index.js: without allowedHeaders it echoes
 * Access-Control-Request-Headers; it answers every OPTIONS as a preflight
 * (optionsSuccessStatus) unless preflightContinue; a list or `true` adds
 * Vary: Origin to every answer; every header but Allow-Origin goes out
 * whatever the origin.
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

const LIBRARY = 'cors';
const WIDTH = 80;
const INDENT = '  ';

/** Express middleware adding Vary: Origin to every answer; `why` says why the library does not. */
const varyOrigin = (why: string) => [`// Vary: Origin on every answer, as the policy says${why}.`, 'app.use((req, res, next) => {', "  res.vary('Origin');", '  next();', '});'];

const option = (name: string, items: readonly string[]) => listLines(`${name}: `, items.map(jsStr), ',', INDENT, WIDTH);

/** A list origin: the exact origins as strings, the patterns as RegExps (tested with .test(), a search, as the lab does). */
const originOption = (policy: Policy) =>
  listLines('origin: ', [...policy.originList.map(jsStr), ...patternsOf(policy).map((p) => jsRegExp(p, jsStr))], ',', INDENT, WIDTH);

/** An Express app with the cors middleware set up for the policy. */
export function expressCors(policy: Policy, lang: Lang = 'en'): ExportedConfig {
  const notes: Note[] = policy.raw.enabled ? [rawModeNote(LIBRARY, lang)] : [];
  const head = policy.allowOrigin === 'none' ? ["import express from 'express';"] : ["import cors from 'cors';", "import express from 'express';"];
  const code = [...head, '', 'const app = express();'];
  // A static `*` never varies, so cors adds no Vary for it; the policy may still want one.
  if (policy.varyOrigin && (policy.allowOrigin === 'none' || policy.allowOrigin === '*')) code.push('', ...varyOrigin(policy.allowOrigin === '*' ? ' (cors adds none for a fixed *)' : ''));
  if (policy.allowOrigin === 'none') {
    code.push('', '// No CORS: the policy allows no origin, so there is no cors() to install.');
    // The snippet adds Vary itself, so only the preflight note is left.
    const none = [...noCorsNotes({ ...policy, varyOrigin: false }, LIBRARY, lang), ...nodeRefusesMethodNote(policy.varyOrigin, 'Express', lang)];
    return { target: 'express-cors', language: 'javascript', code: code.join('\n'), notes: [...notes, ...none] };
  }
  const origin = policy.allowOrigin === '*' ? [`${INDENT}origin: '*',`] : policy.allowOrigin === 'reflect' ? [`${INDENT}origin: true, // echoes the request's Origin`] : originOption(policy);
  const options = [...origin, ...option('methods', policy.allowMethods), ...option('allowedHeaders', policy.allowHeaders)];
  if (policy.exposeHeaders.length > 0) options.push(...option('exposedHeaders', policy.exposeHeaders));
  if (policy.allowCredentials) options.push(`${INDENT}credentials: true,`);
  if (policy.maxAge !== null) options.push(`${INDENT}maxAge: ${policy.maxAge},`);
  if (policy.preflight === 'routes') options.push(`${INDENT}preflightContinue: true, // OPTIONS goes on to your routes`);
  else if (policy.preflightStatus !== 204) options.push(`${INDENT}optionsSuccessStatus: ${policy.preflightStatus},`);
  code.push('', 'app.use(cors({', ...options, '}));');
  return { target: 'express-cors', language: 'javascript', code: code.join('\n'), notes: [...notes, ...corsNotes(policy, lang)] };
}

function corsNotes(policy: Policy, lang: Lang = 'en'): Note[] {
  const notes = [...credentialsTraps(policy, LIBRARY, lang), ...patternTraps(policy), allowedHeadersTrap(LIBRARY, lang), ...headersWithoutOriginNote(policy, LIBRARY, lang), ...exposeOnPreflightNote(policy, LIBRARY, lang)];
  if (!policy.varyOrigin && policy.allowOrigin !== '*') {
    notes.push(inexact('vary-origin', said('cors adds Vary: Origin to every answer when origin is a list or true, which the policy does not send; harmless, one more header.', 'origin 是列表或 true 时，cors 会在每个应答上加 Vary: Origin，而策略并不发送它；无害，只是多一个头。'), lang));
  }
  if (policy.preflight === 'routes') {
    notes.push(
      inexact('preflight-routes', said('preflightContinue: true passes preflights on to your routes, but cors has already added Access-Control-Allow-Methods, ' +
          '-Allow-Headers and -Max-Age to them (to every OPTIONS, preflight or not), which the lab sends only when it answers ' +
          'preflights itself.', 'preflightContinue: true 会把预检交给你的路由，但 cors 已经往里加了 Access-Control-Allow-Methods、-Allow-Headers 和 -Max-Age（对每个 OPTIONS，不管是不是预检），而实验室只在自己应答预检时才发送它们。'), lang),
    );
  } else {
    notes.push(
      inexact('plain-options', said(`cors answers every OPTIONS request as a preflight, with ${policy.preflightStatus}, even one without ` +
          'Access-Control-Request-Method, which the lab passes on to the routes.', `cors 把每个 OPTIONS 请求都当作预检，用 ${policy.preflightStatus} 应答，即使它没有 Access-Control-Request-Method；实验室会把这样的请求交给路由。`), lang),
    );
  }
  return [...notes, ...nodeRefusesMethodNote(true, 'Express', lang)];
}
