/** The request builder's draft: what the learner is about to send. */
import type { StateCreator } from 'zustand';
import { type CredentialsMode, type HeaderLine, type LabRequest, type Sender, API_ROUTES, originOf, scriptRequest } from '@cors-lab/shared';
import type { LabState } from './lab-store.ts';

export interface HeaderRow {
  readonly name: string;
  readonly value: string;
}

export interface RequestDraft {
  /** A script tag (JSONP) sends GET with no headers or body whatever the draft holds; the draft stays for switching back. */
  readonly api: Sender;
  readonly method: string;
  readonly url: string;
  readonly headers: readonly HeaderRow[];
  readonly body: string;
  readonly credentials: CredentialsMode;
  /** Sent from another origin's frame, or `null` (a sandboxed iframe); undefined: from this page (lesson 12). */
  readonly from?: string | undefined;
}

export interface RequestSlice {
  readonly request: RequestDraft;
  setRequest: (patch: Partial<RequestDraft>) => void;
  addHeaderRow: (row?: HeaderRow) => void;
  setHeaderRow: (index: number, row: HeaderRow) => void;
  removeHeaderRow: (index: number) => void;
}

/** The classic demo's request: GET server01's data route. */
export function initialRequest(host: string): RequestDraft {
  return { api: 'fetch', method: 'GET', url: `${originOf('server01', host)}${API_ROUTES.data}`, headers: [], body: '', credentials: 'same-origin' };
}

/** Rows with a name become headers; empty rows are the builder's, not the request's. */
export function toLabRequest(draft: RequestDraft): LabRequest {
  const { from, ...rest } = draft;
  const headers = draft.headers.filter((r) => r.name.trim() !== '').map((r): HeaderLine => [r.name.trim(), r.value]);
  // The script tag loads from this page only (lesson 13); another origin's frame sends with fetch or XHR.
  if (draft.api === 'script') return scriptRequest({ ...rest, headers });
  return from === undefined ? { ...rest, headers } : { ...rest, headers, from };
}

export const createRequestSlice =
  (host: string): StateCreator<LabState, [], [], RequestSlice> =>
  (set) => ({
    request: initialRequest(host),
    setRequest: (patch) => set((s) => ({ request: { ...s.request, ...patch } })),
    addHeaderRow: (row = { name: '', value: '' }) => set((s) => ({ request: { ...s.request, headers: [...s.request.headers, row] } })),
    setHeaderRow: (index, row) =>
      set((s) => ({ request: { ...s.request, headers: s.request.headers.map((r, i) => (i === index ? row : r)) } })),
    removeHeaderRow: (index) =>
      set((s) => ({ request: { ...s.request, headers: s.request.headers.filter((_, i) => i !== index) } })),
  });
