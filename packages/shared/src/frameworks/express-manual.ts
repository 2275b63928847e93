/**
 * The policy as a hand-written Express middleware that sends exactly what
 * server01 sends: the header lines come from policy-answer.ts (answerPlan),
 * raw answers line by line.
 */
import { rawHeaderLines, type HeaderLine } from '../policy-answer.ts';
import type { Lang } from '../lessons/types.ts';
import type { Policy, RawAnswer } from '../policy.ts';
import { said } from '../said.ts';
import { answerPlan, REQUEST_ORIGIN } from './answer-plan.ts';
import { jsStr } from './literals.ts';
import { jsRegExp, patternsOf, patternTraps } from './origin-pattern-export.ts';
import { credentialsTraps, nodeRefusesMethodNote, type ExportedConfig } from './notes.ts';

const IS_PREFLIGHT = "req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined";

const HEAD = [
  "import express from 'express';",
  '',
  'const app = express();',
  '',
  '// CORS by hand, before any route (fetch.spec.whatwg.org/#http-cors-protocol).',
];

function setLine([name, value]: HeaderLine, indent: string): string {
  if (name === 'Vary') return `${indent}res.vary(${jsStr(value)});`;
  return `${indent}res.set(${jsStr(name)}, ${value === REQUEST_ORIGIN ? 'origin' : jsStr(value)});`;
}

/** The lines of one answer: the origin-dependent ones under the policy's condition, then Vary. */
function answerLines(policy: Policy, preflight: boolean, indent: string): string[] {
  const plan = answerPlan(policy, preflight);
  const condition = policy.allowOrigin === 'list' ? 'allowed' : policy.allowOrigin === 'reflect' ? 'origin !== undefined' : null;
  const allowed = plan.allowed.map((line) => setLine(line, condition === null ? indent : `${indent}  `));
  const gated = allowed.length === 0 || condition === null ? allowed : [`${indent}if (${condition}) {`, ...allowed, `${indent}}`];
  return [...gated, ...plan.vary.map((line) => setLine(line, indent))];
}

function policyMiddleware(policy: Policy): string[] {
  const preflight =
    policy.preflight === 'policy'
      ? [
          '  // A preflight: OPTIONS with Access-Control-Request-Method (fetch.spec.whatwg.org/#cors-preflight-request).',
          `  if (${IS_PREFLIGHT}) {`,
          ...answerLines(policy, true, '    '),
          `    res.status(${policy.preflightStatus}).end();`,
          '    return;',
          '  }',
        ]
      : [];
  const actual = answerLines(policy, false, '  ');
  if (preflight.length === 0 && actual.length === 0) return ['// No CORS: the policy allows no origin and lets OPTIONS reach the routes; nothing to add.'];
  const origin = policy.allowOrigin === 'list' || policy.allowOrigin === 'reflect' ? ['  const origin = req.headers.origin;'] : [];
  const patterns = patternsOf(policy);
  // RegExp.test searches, as the lab does: a pattern matches only where its ^ and $ say.
  const test = patterns.length > 0 ? '(allowedOrigins.has(origin) || originPatterns.some((pattern) => pattern.test(origin)))' : 'allowedOrigins.has(origin)';
  const allowed = policy.allowOrigin === 'list' ? [`  const allowed = origin !== undefined && ${test};`] : [];
  const patternList = patterns.length > 0 ? [`const originPatterns = [${patterns.map((p) => jsRegExp(p, jsStr)).join(', ')}];`] : [];
  const list = policy.allowOrigin === 'list' ? [`const allowedOrigins = new Set([${policy.originList.map(jsStr).join(', ')}]);`, ...patternList, ''] : [];
  return [...list, 'app.use((req, res, next) => {', ...origin, ...allowed, ...preflight, ...actual, '  next();', '});'];
}

function rawLines(answer: RawAnswer, indent: string, last: string[]): string[] {
  const lines = [`${indent}res.status(${answer.status});`, ...rawHeaderLines(answer.headers).map(([n, v]) => `${indent}res.append(${jsStr(n)}, ${jsStr(v)});`)];
  return [...lines, ...last];
}

function rawMiddleware(policy: Policy): string[] {
  const { preflight, actual } = policy.raw;
  const preflightEnd = preflight.body === undefined ? ['    res.end();'] : [`    res.send(${jsStr(preflight.body)});`];
  const actualEnd = actual.body === undefined ? ['  next(); // a route that sets its own status overrides this one'] : [`  res.send(${jsStr(actual.body)});`];
  return [
    '// Raw mode: these exact answers, whatever the policy says.',
    'app.use((req, res, next) => {',
    `  if (${IS_PREFLIGHT}) {`,
    ...rawLines(preflight, '    ', [...preflightEnd, '    return;']),
    '  }',
    ...rawLines(actual, '  ', actualEnd),
    '});',
  ];
}

/** An Express app with a hand-written CORS middleware for the policy. */
export function expressManual(policy: Policy, lang: Lang = 'en'): ExportedConfig {
  const body = policy.raw.enabled ? rawMiddleware(policy) : policyMiddleware(policy);
  const sendsHeaders = policy.raw.enabled ? rawHeaderLines(policy.raw.actual.headers).length > 0 : policy.allowOrigin !== 'none' || policy.varyOrigin;
  const notes = [...(policy.raw.enabled ? [] : [...credentialsTraps(policy, said('This middleware', '这个中间件')[lang], lang), ...patternTraps(policy)]), ...nodeRefusesMethodNote(sendsHeaders, 'Express', lang)];
  return { target: 'express-manual', language: 'javascript', code: [...HEAD, ...body].join('\n'), notes };
}
