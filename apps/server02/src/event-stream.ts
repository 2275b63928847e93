/** The lab's live event stream, as Server-Sent Events that resume from a sequence number. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lab } from '@cors-lab/shared';

const HEARTBEAT_MS = 15_000;

/** The lab keeps each event's JSON: a frame reuses it rather than serializing the event once per page. */
const frame = (seq: number, json: string) => `id: ${seq}\ndata: ${json}\n\n`;

/**
 * Streams the events after `after` (or Last-Event-ID), then every new one,
 * until the page goes away. A `hello` event comes first, naming the server
 * instance: a page that sees a new one knows the servers restarted.
 */
export function streamEvents(lab: Lab, after: number, instance: string, req: FastifyRequest, reply: FastifyReply): void {
  const res = reply.raw;
  reply.hijack();
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.socket?.setNoDelay(true);
  // An id beyond the head was given by a server before a restart: this lab starts again from 0.
  const { events } = lab.sinceJson(after > lab.head ? 0 : after);
  const hello = `event: hello\ndata: ${JSON.stringify({ instance, head: lab.head })}\n\n`;
  // retry: how soon EventSource reconnects by itself.
  res.write(`retry: 1000\n${hello}${events.map((e) => frame(e.seq, e.json)).join('')}`);
  // Frames published in one turn of the event loop go out in one write: a
  // busy lab publishes a record per exchange, and a write per record cost
  // more than making the record.
  let pending = '';
  const flush = () => {
    const text = pending;
    pending = '';
    if (!res.destroyed) res.write(text);
  };
  const unsubscribe = lab.subscribe((seq, json) => {
    if (pending === '') setImmediate(flush);
    pending += frame(seq, json);
  });
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  req.raw.once('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
