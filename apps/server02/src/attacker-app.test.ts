/** The attacker server of lesson 12 over inject: its page, its sender frame, its script. */
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildAttackerApp, server01For } from './attacker-app.ts';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const setup = () => (app = buildAttackerApp({}));
const LAB = 'AbCdEfGhIjKlMnOpQrStUv';

describe('attacker page', () => {
  it('steals from /me of the lab in its query, on server01 of the host it was opened with', async () => {
    const res = await setup().inject({ method: 'GET', url: `/?lab=${LAB}`, headers: { host: 'localhost:8300' } });
    expect([res.statusCode, res.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(res.body).toContain(`<script src="/sender.js" data-steal="http://localhost:8000/l/${LAB}/me"></script>`);
    expect(res.body).toContain('<h1>Free cat pictures</h1>');
  });

  it('speaks Chinese with lang=zh-CN, and steals from the default lab without a lab', async () => {
    const res = await setup().inject({ method: 'GET', url: '/?lang=zh-CN', headers: { host: '127.0.0.1:8300' } });
    expect(res.body).toContain('<html lang="zh-CN">');
    expect(res.body).toContain('data-steal="http://127.0.0.1:8000/me"');
  });

  it('refuses a bad lab or language with a 400 that names the field', async () => {
    const a = setup();
    const bad = await a.inject({ method: 'GET', url: '/?lab=../x' });
    const lang = await a.inject({ method: 'GET', url: '/?lang=fr' });
    expect([bad.statusCode, bad.json().message, lang.statusCode, lang.json().message]).toEqual([
      400,
      'querystring/lab must be default or a lab id of 16 to 64 letters, digits, - or _',
      400,
      'querystring/lang must be en or zh-CN',
    ]);
  });

  it('maps a look-alike *.localhost name to server01 on localhost', () => {
    expect([server01For('evil-example.localhost'), server01For('localhost'), server01For('192.168.1.5')]).toEqual([
      'http://localhost:8000',
      'http://localhost:8000',
      'http://192.168.1.5:8000',
    ]);
  });
});

describe('sender frame', () => {
  it('takes requests only from the lab page origin it names, escaped into the page', async () => {
    const a = setup();
    const ok = await a.inject({ method: 'GET', url: `/frame.html?parent=${encodeURIComponent('http://localhost:8100')}` });
    expect(ok.body).toContain('<script src="/sender.js" data-parent="http://localhost:8100"></script>');
    const refused = await Promise.all(
      ['http://localhost:8000', 'https://localhost:8100', 'http://localhost:8100/path', '"><script>x</script>:8100'].map((p) =>
        a.inject({ method: 'GET', url: `/frame.html?parent=${encodeURIComponent(p)}` }),
      ),
    );
    expect(refused.map((r) => [r.statusCode, r.json().errors[0].field])).toEqual(Array(4).fill([400, 'parent']));
    const missing = await a.inject({ method: 'GET', url: '/frame.html' });
    expect(missing.statusCode).toBe(400);
  });

  it('serves its script as JavaScript that posts results only to its parent origin', async () => {
    const res = await setup().inject({ method: 'GET', url: '/sender.js' });
    expect([res.statusCode, res.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect(() => new Function(res.body)).not.toThrow();
    expect(res.body).toContain("window.parent.postMessage({ type: 'cors-lab/result', id: data.id, result }, parentOrigin);");
  });
});
