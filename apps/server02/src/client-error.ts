/**
 * Requests Node's HTTP parser refuses (a NUL in a header, a bad
 * Content-Length, a head over 16 KiB) never reach a route, and Fastify would
 * answer a bare "Client Error". The control plane names the part of the
 * request it refuses, in its usual error shape, as every 4xx of it does.
 */
import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FieldError } from '@cors-lab/shared';
import { errorBody } from './errors.ts';

interface ParserError extends Error {
  code?: string;
  reason?: string;
  bytesParsed?: number;
  rawPacket?: unknown;
}

/** The line the parser stopped in, as latin1 text. */
function lineAt(raw: unknown, offset: number | undefined): string | null {
  if (!Buffer.isBuffer(raw) || offset === undefined) return null;
  const at = Math.min(offset, raw.length);
  const start = raw.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
  let end = start;
  while (end < raw.length && raw[end] !== 0x0d && raw[end] !== 0x0a) end++;
  return start === 0 ? null : raw.subarray(start, end).toString('latin1');
}

/** What the control plane says about a request the parser refused: a status and the field it names. */
export function parserRefusal(err: ParserError): { status: number; error: FieldError } {
  const reason = err.reason ?? err.message;
  const field = (name: string, message: string, status = 400) => ({ status, error: { field: name, message } });
  switch (err.code) {
    case 'HPE_HEADER_OVERFLOW':
      return field('headers', `headers: larger than the ${maxHeaderSize} bytes the server reads`, 431);
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return field('request', 'request: did not arrive in time', 408);
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return field('Content-Length', `Content-Length: ${reason}; it must be one whole number of bytes`);
    case 'HPE_INVALID_TRANSFER_ENCODING':
      return field('Transfer-Encoding', `Transfer-Encoding: ${reason}`);
    case 'HPE_INVALID_CHUNK_SIZE':
    case 'HPE_INVALID_EOF_STATE':
      return field('body', `body: ${reason}`);
    case 'HPE_INVALID_METHOD':
    case 'HPE_INVALID_URL':
    case 'HPE_INVALID_CONSTANT':
    case 'HPE_INVALID_VERSION':
      return field('request line', `request line: ${reason}`);
  }
  // A header line: name it, so the learner sees which header carried the byte.
  const line = lineAt(err.rawPacket, err.bytesParsed);
  if (line === null) return field('request', `request: ${reason}`);
  const name = line.includes(':') ? line.slice(0, line.indexOf(':')) : line;
  const shown = JSON.stringify(name.length > 100 ? `${name.slice(0, 97)}...` : name);
  return field(name, `header ${shown}: ${reason}; a header name must be an HTTP token and a value may not hold CR, LF, NUL or other control characters`);
}

/** Fastify's clientErrorHandler for server02: answers the refusal as JSON, then closes the connection. */
export function answerClientError(err: ParserError, socket: Socket): void {
  // The client went away: there is no one to answer (as Fastify's own handler does).
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const { status, error } = parserRefusal(err);
  const body = JSON.stringify(errorBody(status, [error]));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
