/** What one fuzz case is, and what the control plane should make of it. */

/** accept: a same-origin JSON policy the schema takes; reject: must be a 4xx; either: an edge the rules leave open. */
export type Expect = 'accept' | 'reject' | 'either';

export interface FuzzCase {
  readonly strategy: string;
  /** Which variant of the strategy, for the report of a failing case. */
  readonly note: string;
  /** The whole request, bytes as sent. */
  readonly request: Buffer;
  readonly expect: Expect;
  /** The lab an accepted policy lands in. */
  readonly lab: string;
}

/** What a case sends to PUT /api/policy: the defaults unless a strategy changes them. */
export interface FuzzTarget {
  /** server02's Host header, `127.0.0.1:<port>`. */
  readonly host: string;
  /** server02's own origin: the only one allowed to change a lab. */
  readonly page: string;
  /** The lab this worker's cases change. */
  readonly fuzzLab: string;
  /** A lab no case may touch. */
  readonly canaryLab: string;
}

/** A body-level mutation of a policy. */
export interface BodyMutation {
  readonly body: Buffer;
  readonly expect: Expect;
  readonly note: string;
}
