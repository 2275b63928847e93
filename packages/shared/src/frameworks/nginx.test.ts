import { describe, expect, it } from 'vitest';
import { EMPTY_POLICY, type Policy } from '../policy.ts';
import { nginx } from './nginx.ts';
import type { ExportedConfig } from './notes.ts';

const PAGE = 'http://localhost:8100';
const policy = (p: Partial<Policy>): Policy => ({ ...structuredClone(EMPTY_POLICY), ...p });
const CLASSIC = policy({ allowOrigin: 'list', originList: [PAGE], allowMethods: ['GET', 'PUT'], allowHeaders: ['X-Custom-Header'], allowCredentials: true, maxAge: 600 });
const noteNames = (c: ExportedConfig) => c.notes.map((n) => `${n.kind}:${n.name}`);

const PREFLIGHT_MAP = `# A preflight is an OPTIONS request with Access-Control-Request-Method (fetch.spec.whatwg.org/#cors-preflight-request).
map "$request_method:$http_access_control_request_method" $cors_preflight {
    default 0;
    "~^OPTIONS:." 1;
}`;

describe('nginx', () => {
  it('writes the classic policy as maps, add_header always, and a preflight if-block that repeats every header', () => {
    const { code, notes } = nginx(CLASSIC);
    expect({ code, notes }).toEqual({
      code: `# In the http { } block.
# The Access-Control-Allow-Origin each Origin gets; an empty value sends no header.
map $http_origin $cors_origin {
    default "";
    "http://localhost:8100" $http_origin;
}

map $cors_origin $cors_allow_credentials {
    "" "";
    default true;
}

map $cors_origin $cors_allow_methods {
    "" "";
    default "GET, PUT";
}

map $cors_origin $cors_allow_headers {
    "" "";
    default X-Custom-Header;
}

map $cors_origin $cors_max_age {
    "" "";
    default 600;
}

${PREFLIGHT_MAP}

server {
    listen 8000;

    location / {
        if ($cors_preflight) {
            # Its own add_header: nothing outside is inherited here, so all are repeated.
            add_header Access-Control-Allow-Origin $cors_origin always;
            add_header Access-Control-Allow-Credentials $cors_allow_credentials always;
            add_header Access-Control-Allow-Methods $cors_allow_methods always;
            add_header Access-Control-Allow-Headers $cors_allow_headers always;
            add_header Access-Control-Max-Age $cors_max_age always;
            return 204;
        }
        add_header Access-Control-Allow-Origin $cors_origin always;
        add_header Access-Control-Allow-Credentials $cors_allow_credentials always;
        proxy_pass http://127.0.0.1:3000;  # your app
    }
}`,
      notes: [
        {
          kind: 'trap',
          name: 'add-header-inheritance',
          text:
            'add_header is inherited into a block only if that block has no add_header of its own: a location or if-block you add ' +
            'with its own add_header silently drops every CORS header above it, which is why the preflight if-block repeats them all.',
        },
        {
          kind: 'trap',
          name: 'add-header-always',
          text:
            'Without always, add_header applies only to 200, 201, 204, 206, 301, 302, 303, 304, 307 and 308: an error answer ' +
            '(4xx, 5xx) would lose its CORS headers, and the browser would report a CORS failure instead of the error.',
        },
      ],
    });
  });

  it('sends * with credentials as fixed headers, as the policy says, and warns about it', () => {
    const c = nginx(policy({ allowOrigin: '*', allowCredentials: true, exposeHeaders: ['*'], varyOrigin: true, preflight: 'routes' }));
    expect([c.code, noteNames(c)]).toEqual([
      `# In the http { } block.
server {
    listen 8000;

    location / {
        add_header Access-Control-Allow-Origin "*" always;
        add_header Access-Control-Allow-Credentials true always;
        add_header Access-Control-Expose-Headers "*" always;
        add_header Vary Origin always;
        proxy_pass http://127.0.0.1:3000;  # your app
    }
}`,
      ['trap:wildcard-with-credentials', 'trap:add-header-inheritance', 'trap:add-header-always'],
    ]);
  });

  it('with no origin allowed only answers preflights, with the status and no CORS header', () => {
    const c = nginx(policy({ preflightStatus: 200 }));
    expect([c.code, c.notes]).toEqual([
      `# In the http { } block.
${PREFLIGHT_MAP}

server {
    listen 8000;

    location / {
        if ($cors_preflight) {
            return 200;
        }
        proxy_pass http://127.0.0.1:3000;  # your app
    }
}`,
      [],
    ]);
  });

  it('reflects through a map whose default is the Origin itself, and warns about it with credentials', () => {
    const c = nginx(policy({ allowOrigin: 'reflect', allowCredentials: true, varyOrigin: true, preflight: 'routes' }));
    expect([c.code.split('\n').slice(0, 11), noteNames(c)]).toEqual([
      [
        '# In the http { } block.',
        '# The Access-Control-Allow-Origin each Origin gets; an empty value sends no header.',
        'map $http_origin $cors_origin {',
        '    default $http_origin;  # any Origin is echoed back',
        '}',
        '',
        'map $cors_origin $cors_allow_credentials {',
        '    "" "";',
        '    default true;',
        '}',
        '',
      ],
      ['trap:reflect-with-credentials', 'trap:add-header-inheritance', 'trap:add-header-always'],
    ]);
  });

  it('sends the raw answers exactly, a $ through ${dollar} and quotes escaped, and says what it cannot do', () => {
    const raw: Policy['raw'] = {
      enabled: true,
      preflight: { status: 200, headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': ['PUT', 'DELETE'] } },
      actual: { status: 201, headers: { 'X-Cost': '$5 "net"' } },
    };
    const c = nginx({ ...CLASSIC, raw });
    expect([c.code, noteNames(c)]).toEqual([
      `# In the http { } block.
# nginx has no escape for $ in a string: \${dollar} stands for it.
geo $dollar {
    default "$";
}

# Raw mode: these exact answers, whatever the policy says.
${PREFLIGHT_MAP}

server {
    listen 8000;

    location / {
        if ($cors_preflight) {
            add_header Access-Control-Allow-Origin "*" always;
            add_header Access-Control-Allow-Methods PUT always;
            add_header Access-Control-Allow-Methods DELETE always;
            return 200;
        }
        add_header X-Cost "\${dollar}5 \\"net\\"" always;
        proxy_pass http://127.0.0.1:3000;  # your app
    }
}`,
      ['trap:add-header-inheritance', 'trap:add-header-always', 'inexact:raw-actual-status'],
    ]);
  });

  it('returns a raw body in quotes, except after a redirect status, where nginx would read it as the Location; no add_header, no add_header traps', () => {
    const raw: Policy['raw'] = { enabled: true, preflight: { status: 302, headers: {}, body: 'x' }, actual: { status: 200, headers: {}, body: 'a "b"\n' } };
    const c = nginx({ ...CLASSIC, raw });
    expect([c.code.split('\n').filter((l) => l.includes('return')), noteNames(c)]).toEqual([
      ['            return 302;', '        return 200 "a \\"b\\"\\n";'],
      ['inexact:raw-redirect-body'],
    ]);
  });
});
