/**
 * The attacker server of lesson 12, on port 8300: a page on another origin of
 * the same site as the lab (`localhost:8300` beside `localhost:8100`), so a
 * SameSite=Lax cookie of server01 rides on its credentialed requests. It
 * answers on any host name, so `evil-example.localhost:8300` works too.
 *
 * `/?lab=<id>` is the page a learner opens in a new tab: its script reads
 * server01's `/me` for that lab (on the same host name) with the user's
 * cookies and shows what it got.
 * `/frame.html?parent=<lab page origin>` is the frame the lab page sends
 * through when a request is sent from this origin.
 */
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { API_ROUTES, ATTACKER_ROUTES, DEFAULT_LAB, isSerializedOrigin, LAB_ID_PATTERN, labPrefix, PORTS } from '@cors-lab/shared';
import { SENDER_SCRIPT } from './attacker-sender.ts';
import { errorBody, registerErrorHandler } from './errors.ts';

export interface AttackerOptions {
  readonly logger?: FastifyServerOptions['logger'];
}

/** server01 on the host this page was opened with; a look-alike `*.localhost` name means plain localhost. */
export function server01For(hostname: string): string {
  const host = hostname.toLowerCase().endsWith('.localhost') ? 'localhost' : hostname;
  return `http://${host}:${PORTS.server01}`;
}

const PageQuery = Type.Object({
  lab: Type.Optional(Type.String({ pattern: `^${DEFAULT_LAB}$|${LAB_ID_PATTERN}`, description: `must be ${DEFAULT_LAB} or a lab id of 16 to 64 letters, digits, - or _` })),
  lang: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('zh-CN')], { description: 'must be en or zh-CN' })),
});

const FrameQuery = Type.Object({
  parent: Type.String({ maxLength: 512, description: `must be the lab page's origin, such as http://localhost:${PORTS.server02}` }),
});

const WORDS = {
  en: {
    title: 'Free cat pictures',
    lead: 'Nothing to see here, just cats. Meanwhile this page\'s script asked, with your cookies:',
    note: 'If the box shows your private data, this other site read it: the API\'s CORS policy let it. If it shows an error, the browser kept the answer from this page.',
  },
  'zh-CN': {
    title: '免费猫咪图片',
    lead: '这里没什么特别的，只有猫。与此同时，这个页面的脚本带着你的 Cookie 发出了请求：',
    note: '如果下面的框里显示了你的私人数据，说明这个别的网站读到了它：是 API 的 CORS 策略放行的。如果显示的是错误，说明浏览器没有把响应交给这个页面。',
  },
} as const;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (lang: 'en' | 'zh-CN', title: string, body: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
  '<style>body{font:16px system-ui,sans-serif;margin:1.5rem;background:#fff5f5;color:#3b0a0a}pre{white-space:pre-wrap;background:#fff;border:2px dashed #b91c1c;padding:.75rem}</style>' +
  `</head><body>${body}</body></html>`;

/** The lab page's origin a frame may take requests from: a serialized http origin on server02's port. */
function isLabPageOrigin(origin: string): boolean {
  return isSerializedOrigin(origin) && origin.startsWith('http://') && origin.endsWith(`:${PORTS.server02}`);
}

export function buildAttackerApp(options: AttackerOptions): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false, ajv: { customOptions: { verbose: true } } }).withTypeProvider<TypeBoxTypeProvider>();
  registerErrorHandler(app, 1024);

  app.get(ATTACKER_ROUTES.page, { schema: { querystring: PageQuery } }, async (req, reply) => {
    const lang = req.query.lang ?? 'en';
    const words = WORDS[lang];
    const url = `${server01For(req.hostname)}${labPrefix(req.query.lab ?? DEFAULT_LAB)}${API_ROUTES.me}`;
    const body =
      `<h1>${words.title}</h1><p>${words.lead} <code>fetch(${escapeHtml(JSON.stringify(url))}, { credentials: 'include' })</code></p>` +
      `<pre id="log" data-testid="stolen">…</pre><p>${words.note}</p>` +
      `<script src="${ATTACKER_ROUTES.script}" data-steal="${escapeHtml(url)}"></script>`;
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(page(lang, words.title, body));
  });

  app.get(ATTACKER_ROUTES.frame, { schema: { querystring: FrameQuery } }, async (req, reply) => {
    const { parent } = req.query;
    if (!isLabPageOrigin(parent)) {
      return reply.code(400).send(errorBody(400, [{ field: 'parent', message: `parent must be the lab page's origin, such as http://localhost:${PORTS.server02} (got ${JSON.stringify(parent.slice(0, 60))})` }]));
    }
    const body = `<pre id="log"></pre><script src="${ATTACKER_ROUTES.script}" data-parent="${escapeHtml(parent)}"></script>`;
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(page('en', 'CORS Lab sender', body));
  });

  app.get(ATTACKER_ROUTES.script, async (_req, reply) => reply.type('text/javascript; charset=utf-8').header('Cache-Control', 'no-store').send(SENDER_SCRIPT));

  return app;
}
