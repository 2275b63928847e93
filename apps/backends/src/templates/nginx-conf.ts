/**
 * nginx: a minimal nginx.conf whose http block holds the exported
 * configuration with two lines changed: `listen` moves to 127.0.0.1 and the
 * backend's port, and `proxy_pass` to your app becomes the lab's routes,
 * answered by nginx itself from two maps.
 */
import { PORTS } from '@cors-lab/shared';
import type { BackendRoute } from '../lab-routes.ts';
import type { AppFiles, AppInput } from './app-files.ts';

/** The lines of the export this template replaces; it fails loudly if the exporter changes them. */
const LISTEN = `    listen ${PORTS.server01};`;
const PROXY = '        proxy_pass http://127.0.0.1:3000;  # your app';

const ROUTES_IN_PLACE_OF_PROXY = [
  "        # @cors-lab/backends: the lab's routes, in place of proxy_pass to your app.",
  '        add_header Set-Cookie $lab_cookie;',
  '        if ($lab_body = "") {',
  '            return 404;',
  '        }',
  '        return 200 $lab_body;',
];

/** An nginx quoted string; `$` has no escape in nginx strings, so a route cannot use it. */
function quoted(s: string): string {
  if (s.includes('$')) throw new Error(`nginx backend: a route's path, body or cookie cannot contain $ (${JSON.stringify(s)})`);
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function routeMaps(routes: readonly BackendRoute[]): string[] {
  const map = (variable: string, value: (r: BackendRoute) => string | undefined) => [
    `    map $uri ${variable} {`,
    '        default "";',
    ...routes.flatMap((r) => {
      const v = value(r);
      return v === undefined ? [] : [`        ${quoted(r.path)} ${quoted(v)};`];
    }),
    '    }',
  ];
  return [...map('$lab_body', (r) => r.body), ...map('$lab_cookie', (r) => r.setCookie)];
}

/** The exported configuration with its listen and proxy_pass lines made runnable here. */
export function runnableExport(code: string, port: number): string {
  const lines = code.split('\n');
  const listen = lines.indexOf(LISTEN);
  if (listen < 0) throw new Error(`nginx backend: the export has no \`${LISTEN.trim()}\` line to move to port ${port}`);
  lines[listen] = `    listen 127.0.0.1:${port};  # @cors-lab/backends: the export listens on ${PORTS.server01}`;
  return lines.flatMap((line) => (line === PROXY ? ROUTES_IN_PLACE_OF_PROXY : [line])).join('\n');
}

export function nginxConf({ code, routes, port, dir }: AppInput): AppFiles {
  if (port === 0) throw new Error('nginx backend: needs a fixed port');
  const indent = (text: string) => text.split('\n').map((l) => (l === '' ? l : `    ${l}`));
  const conf = [
    '# @cors-lab/backends: the least nginx needs to run in this directory; the export is in http { }.',
    'daemon off;',
    'master_process off;',
    `pid ${dir}/nginx.pid;`,
    'error_log stderr warn;',
    'events {',
    '    worker_connections 256;',
    '}',
    'http {',
    '    access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${dir}/${t}_temp;`),
    ...routeMaps(routes),
    '',
    ...indent(runnableExport(code, port)),
    '}',
    '',
  ];
  return { files: { 'nginx.conf': conf.join('\n') }, args: ['-p', `${dir}/`, '-c', `${dir}/nginx.conf`, '-e', 'stderr'], reportsPort: false, nodeModules: false };
}
