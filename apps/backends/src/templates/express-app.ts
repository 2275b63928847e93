/** Express + cors: the exported app, then the lab's routes (every method) and a listener on 127.0.0.1. */
import { ROUTES_FILE, routesJson, seam, type AppFiles, type AppInput } from './app-files.ts';

const TAIL = `import { readFileSync as labReadFile } from 'node:fs';
import { createServer as labCreateServer } from 'node:http';

const labRoutes = JSON.parse(labReadFile(new URL('./${ROUTES_FILE}', import.meta.url), 'utf8'));
for (const route of labRoutes) {
  app.all(route.path, (req, res) => {
    if (route.setCookie !== undefined) res.append('Set-Cookie', route.setCookie);
    res.type('text/plain; charset=utf-8').send(route.body);
  });
}
const labServer = labCreateServer(app);
labServer.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log(\`PORT \${labServer.address().port}\`));
`;

export function expressApp({ code, routes }: AppInput): AppFiles {
  const app = `${code}\n${seam('//', "the lab's routes and the listener")}${TAIL}`;
  return { files: { 'app.mjs': app, [ROUTES_FILE]: routesJson(routes) }, args: ['app.mjs'], reportsPort: true, nodeModules: true };
}
