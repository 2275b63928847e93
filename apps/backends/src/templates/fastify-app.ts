/** Fastify + @fastify/cors: the exported app, then the lab's routes (every method, any body) and a listener on 127.0.0.1. */
import { ROUTES_FILE, routesJson, seam, type AppFiles, type AppInput } from './app-files.ts';

const TAIL = `import { readFileSync as labReadFile } from 'node:fs';

// Any body, any Content-Type, as server01: a lesson's request is never refused for its media type.
fastify.removeAllContentTypeParsers();
fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

const labRoutes = JSON.parse(labReadFile(new URL('./${ROUTES_FILE}', import.meta.url), 'utf8'));
for (const route of labRoutes) {
  fastify.all(route.path, async (_req, reply) => {
    if (route.setCookie !== undefined) reply.header('Set-Cookie', route.setCookie);
    return reply.type('text/plain; charset=utf-8').send(route.body);
  });
}
await fastify.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
console.log(\`PORT \${fastify.server.address().port}\`);
`;

export function fastifyApp({ code, routes }: AppInput): AppFiles {
  const app = `${code}\n${seam('//', "the lab's routes and the listener")}${TAIL}`;
  return { files: { 'app.mjs': app, [ROUTES_FILE]: routesJson(routes) }, args: ['app.mjs'], reportsPort: true, nodeModules: true };
}
