/**
 * A page watching a lab, for `bench throughput`: the lab's event stream held
 * open and read to the end, so server01 builds, serializes and streams every
 * record as it does for a learner. It only counts: it reads the hello's head,
 * then finds each frame's `id:` line in the bytes
 * (html.spec.whatwg.org/#event-stream-interpretation) and parses nothing
 * else, so the load generator it shares a process with stays light.
 */
import { request, type ClientRequest } from 'node:http';

/** Every event frame server02 sends after the hello starts a line `id: <seq>` right after a blank line. */
const MARK = Buffer.from('\n\nid: ');
const HEAD = '"head":';

export interface RecordCounter {
  /** Events received that the lab made after the stream opened (the history it replays first is not counted). */
  readonly received: number;
  /** Sequence numbers skipped among them. */
  readonly gaps: number;
  close(): void;
}

/** Opens `path` on `port` and resolves once the stream is answering. */
export function countEvents(port: number, path: string, host: string): Promise<RecordCounter> {
  let req: ClientRequest;
  let received = 0;
  let gaps = 0;
  /** The last sequence number seen; the hello's head until the first new event. */
  let last = -1;
  return new Promise((resolve, reject) => {
    req = request({ host: '127.0.0.1', port, path, headers: { Host: host, Accept: 'text/event-stream' }, agent: false }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`${path}: status ${res.statusCode}`));
        res.resume();
        return;
      }
      let pending: Buffer = Buffer.alloc(0);
      res.on('data', (chunk: Buffer) => {
        const buf = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
        let from = 0;
        if (last === -1) {
          // The hello (`data: {"instance":…,"head":N}`) comes first, whole, in the stream's first write.
          const text = buf.toString('latin1', 0, Math.min(buf.length, 512));
          const at = text.indexOf(HEAD);
          if (at === -1) throw new Error('the event stream did not open with a hello');
          last = Number.parseInt(text.slice(at + HEAD.length), 10);
          from = at;
        }
        let keep = -1;
        for (let at = buf.indexOf(MARK, from); at !== -1; at = buf.indexOf(MARK, from)) {
          const end = buf.indexOf(10, at + MARK.length);
          if (end === -1) {
            keep = at; // the id line goes on in the next chunk
            break;
          }
          const seq = Number(buf.toString('latin1', at + MARK.length, end));
          from = end;
          if (seq <= last) continue; // replayed history
          gaps += seq - last - 1;
          last = seq;
          received++;
        }
        // Without a cut id line, keep only what could still begin a mark.
        pending = buf.subarray(keep !== -1 ? keep : Math.max(from, buf.length - (MARK.length - 1)));
      });
      resolve({
        get received() {
          return received;
        },
        get gaps() {
          return gaps;
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}
