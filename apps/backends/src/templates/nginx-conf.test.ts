import { describe, expect, it } from 'vitest';
import { EMPTY_POLICY, exportConfig } from '@cors-lab/shared';
import { nginxConf, runnableExport } from './nginx-conf.ts';

describe('runnableExport', () => {
  it('moves listen to the loopback port and puts the routes where proxy_pass was, leaving the rest verbatim', () => {
    const code = exportConfig({ ...EMPTY_POLICY, allowOrigin: '*' }, 'nginx').code;
    const runnable = runnableExport(code, 4321);
    expect([runnable.slice(0, runnable.indexOf('server {')) === code.slice(0, code.indexOf('server {')), runnable.slice(runnable.indexOf('server {'))]).toEqual([
      true,
      `server {
    listen 127.0.0.1:4321;  # @cors-lab/backends: the export listens on 8000

    location / {
        if ($cors_preflight) {
            # Its own add_header: nothing outside is inherited here, so all are repeated.
            add_header Access-Control-Allow-Origin "*" always;
            return 204;
        }
        add_header Access-Control-Allow-Origin "*" always;
        # @cors-lab/backends: the lab's routes, in place of proxy_pass to your app.
        add_header Set-Cookie $lab_cookie;
        if ($lab_body = "") {
            return 404;
        }
        return 200 $lab_body;
    }
}`,
    ]);
  });

  it('refuses an export without the listen line, and a route nginx cannot quote', () => {
    const input = { code: exportConfig(EMPTY_POLICY, 'nginx').code, routes: [{ path: '/x', body: 'costs $5' }], port: 1234, dir: '/tmp/x' };
    expect(() => runnableExport('server {}', 1)).toThrow('no `listen 8000;` line');
    expect(() => nginxConf(input)).toThrow("cannot contain $");
  });
});
