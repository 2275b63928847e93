/**
 * Lab ids: many learners share one server01, each in a lab of their own.
 * server01's URLs carry the id as a path prefix (`/l/<id>/getData.html`);
 * a URL without one belongs to the default lab, which keeps the classic
 * demo's single-user URLs. The control plane takes it as `?lab=<id>`.
 */
import { DEFAULT_LAB } from './ports.ts';

/** 16 to 64 URL-safe characters; the page makes 22 random ones (128 bits), so ids cannot be guessed. */
export const LAB_ID_PATTERN = '^[A-Za-z0-9_-]{16,64}$';
const LAB_ID = new RegExp(LAB_ID_PATTERN);

export function isLabId(id: string): boolean {
  return id === DEFAULT_LAB || LAB_ID.test(id);
}

/** server01's path prefix for a lab: none for the default lab. */
export function labPrefix(lab: string): string {
  return lab === DEFAULT_LAB ? '' : `/l/${lab}`;
}

/**
 * Splits a request target into its lab and the path the routes see:
 * `/l/<id>/getData.html?x` → `{ lab: id, path: '/getData.html?x' }`. A target
 * whose prefix is not a lab id stays whole, in the default lab.
 */
export function splitLabPath(target: string): { lab: string; path: string } {
  if (!target.startsWith('/l/')) return { lab: DEFAULT_LAB, path: target };
  const end = target.indexOf('/', 3);
  const id = end === -1 ? target.slice(3) : target.slice(3, end);
  if (!LAB_ID.test(id)) return { lab: DEFAULT_LAB, path: target };
  return { lab: id, path: end === -1 ? '/' : target.slice(end) };
}

/** A new lab id from 16 random bytes, base64url: the caller brings the randomness (no I/O here). */
export function labIdFromBytes(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += alphabet[(value >> bits) & 63];
    }
  }
  if (bits > 0) out += alphabet[(value << (6 - bits)) & 63];
  return out;
}
