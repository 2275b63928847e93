/**
 * A lab's event stream read the lean way: node:http, Server-Sent Events
 * frames split by hand (html.spec.whatwg.org/#event-stream-interpretation,
 * the subset server02 sends: `event`, `id`, `data`, comments).
 */
import { request, type ClientRequest } from 'node:http';

/** Epoch milliseconds, fractional: the clock server01 stamps `receivedAt` with. */
export const epochNow = () => performance.timeOrigin + performance.now();

export interface StreamHandlers {
  /** The first frame: server02's instance and the lab's head. */
  onHello(data: string): void;
  /** A frame with an id: its sequence number, its JSON, and when its chunk arrived. */
  onEvent(seq: number, data: string, arrivedAt: number): void;
  onEnd(): void;
}

export interface EventStream {
  /** Resolves once the hello frame is in. */
  readonly opened: Promise<void>;
  close(): void;
}

export function openEventStream(port: number, path: string, host: string, handlers: StreamHandlers): EventStream {
  let req: ClientRequest;
  const opened = new Promise<void>((resolve, reject) => {
    req = request({ host: '127.0.0.1', port, path, headers: { Host: host, Accept: 'text/event-stream' }, agent: false }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`${path}: status ${res.statusCode}`));
        res.resume();
        return;
      }
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        const arrivedAt = epochNow();
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          let id: string | undefined;
          let data = '';
          for (const line of frame.split('\n')) {
            if (line.startsWith('data: ')) data += data === '' ? line.slice(6) : `\n${line.slice(6)}`;
            else if (line.startsWith('id: ')) id = line.slice(4);
            else if (line.startsWith('event: ')) event = line.slice(7);
          }
          if (event === 'hello') {
            handlers.onHello(data);
            resolve();
          } else if (id !== undefined) handlers.onEvent(Number(id), data, arrivedAt);
        }
      });
      res.on('end', () => handlers.onEnd());
      res.on('error', () => handlers.onEnd());
    });
    req.on('error', reject);
    req.end();
  });
  return { opened, close: () => req.destroy() };
}
