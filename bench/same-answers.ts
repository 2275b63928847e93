/**
 * The comparison in `bench throughput` is fair only if every server gives the
 * bench's requests the same answer: the same status, the same body and the
 * same CORS headers (names case-insensitive, list values compared item by
 * item, so Express's `GET,PUT` equals `GET, PUT`). Other headers (Express's
 * ETag and X-Powered-By, Keep-Alive) are each framework's own and left alone.
 */
import type { Request } from 'autocannon';

/** What the bench compares of one answer. */
export interface AnswerShape {
  readonly status: number;
  readonly body: string;
  readonly cors: Readonly<Record<string, string>>;
}

/** A CORS header value as a comparable string: list items trimmed. */
const normalized = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .join(', ');

async function shapeOf(port: number, req: Request): Promise<AnswerShape> {
  const init: RequestInit = { method: req.method ?? 'GET', headers: req.headers as Record<string, string> };
  if (typeof req.body === 'string') init.body = req.body;
  const res = await fetch(`http://127.0.0.1:${port}${req.path ?? '/'}`, init);
  const cors: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (name.startsWith('access-control-') || name === 'vary') cors[name] = normalized(value);
  });
  return { status: res.status, body: await res.text(), cors };
}

const describeShape = (s: AnswerShape) =>
  `${s.status} ${JSON.stringify(s.body)} ${Object.entries(s.cors)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([n, v]) => `${n}: ${v}`)
    .join('; ')}`;

/**
 * Each request's answer from every server, one line each; throws when a
 * server answers differently from the first.
 */
export async function checkSameAnswers(requests: readonly Request[], servers: readonly { name: string; port: number }[]): Promise<string[]> {
  const lines: string[] = [];
  for (const req of requests) {
    const shapes = await Promise.all(servers.map(async (s) => ({ server: s.name, text: describeShape(await shapeOf(s.port, req)) })));
    const [first] = shapes;
    for (const s of shapes) {
      if (s.text !== first!.text) throw new Error(`${req.method} ${req.path}: ${s.server} answers ${s.text}, but ${first!.server} answers ${first!.text}`);
    }
    lines.push(`${req.method} ${req.path}: every server answers ${first!.text}`);
  }
  return lines;
}
