/** How long a record took from server01 receiving the request to being on screen; read by `pnpm bench latency`. */
declare global {
  interface Window {
    __corsLabShown?: { seq: number; latencyMs: number }[];
  }
}

export function noteRecordShown(seq: number, receivedAt: number): void {
  const shown = (window.__corsLabShown ??= []);
  if (shown.length < 100_000) shown.push({ seq, latencyMs: performance.timeOrigin + performance.now() - receivedAt });
}
