/**
 * A lab's bounded event history: the newest `limit` events, with consecutive
 * sequence numbers, for a page that catches up after a gap or a reconnect.
 *
 * Events are kept in blocks of `BLOCK_EVENTS`. The newest block takes events
 * as they come: an object, a record not serialized yet (serialized only if
 * someone reads it), or its JSON once anyone needed that. A block that is
 * full and has stayed unread for a whole `compact()` period is cold: with a
 * codec, it is packed then, as its events' JSON joined by newlines (JSON
 * text never holds a raw newline), which the codec shrinks. Records of one
 * lab repeat each other almost byte for byte, so a packed block takes a few
 * percent of its JSON, and a classroom of hundreds of labs with hundreds of
 * events each stays small. A busy lab never pays for packing: its blocks
 * leave the history before they are cold.
 */
import type { LabEvent } from './wire.ts';

/**
 * A record kept as the server captured it, serialized only when a reader
 * needs it: its record event's JSON (`{"type":"record","seq":…,"record":…}`,
 * a `RecordEvent`), the same text whenever asked.
 */
export interface PendingRecord {
  eventJson(seq: number): string;
}

/** An event of the history as its sequence number and JSON. */
export interface KeptEvent {
  readonly seq: number;
  readonly json: string;
}

/**
 * Shrinks a cold block's text and gives it back. Supplied by the server (a
 * compression library); the packed form is opaque here, kept as a string so
 * it sits in the heap at its exact size.
 */
export interface HistoryCodec {
  pack(text: string): string;
  unpack(packed: string): string;
}

/** Events a block holds. */
export const BLOCK_EVENTS = 32;

/** An event as it came, its JSON, or a record not serialized yet. */
type Entry = LabEvent | string | PendingRecord;

interface Block {
  /** Sequence number of its first event. */
  readonly first: number;
  /** Its events as they came; null once packed. */
  entries: Entry[] | null;
  packed: string | null;
  /** Full, and seen full by the last `compact()` without anyone reading it since. */
  cold: boolean;
}

const SEPARATOR = '\n';

function jsonOf(entry: Entry, seq: number): string {
  if (typeof entry === 'string') return entry;
  return 'eventJson' in entry ? entry.eventJson(seq) : JSON.stringify(entry);
}

export class LabHistory {
  /** Oldest first; only the last one takes new events. */
  #blocks: Block[] = [];
  /** Sequence number of the newest event, 0 before any. */
  #head = 0;

  constructor(
    private readonly limit: number,
    private readonly codec?: HistoryCodec,
  ) {}

  get head(): number {
    return this.#head;
  }

  /** Oldest sequence number still kept. */
  get oldest(): number {
    return Math.max(this.#blocks[0]?.first ?? this.#head + 1, this.#head - this.limit + 1);
  }

  /** Keeps the event numbered `seq`, which must be the one after the head. */
  push(seq: number, entry: Entry): void {
    let last = this.#blocks.at(-1);
    if (last === undefined || last.entries === null || last.entries.length === BLOCK_EVENTS) {
      last = { first: seq, entries: [], packed: null, cold: false };
      this.#blocks.push(last);
    }
    last.entries!.push(entry);
    this.#head = seq;
    // Blocks wholly older than the bound go (at most one per event, as each holds at least one).
    const first = this.#blocks[0]!;
    if (first.first + BLOCK_EVENTS <= this.#head - this.limit + 1) this.#blocks.shift();
  }

  /** Forgets every event; sequence numbers go on from `head`. */
  clear(head: number): void {
    this.#blocks = [];
    this.#head = head;
  }

  /** The JSON of the events after `seq`, oldest first, as kept. */
  since(seq: number): KeptEvent[] {
    const from = Math.max(seq + 1, this.oldest);
    const out: KeptEvent[] = [];
    for (const block of this.#blocks) {
      const size = block.entries?.length ?? BLOCK_EVENTS;
      if (block.first + size <= from) continue;
      block.cold = false;
      if (block.entries === null) {
        const jsons = this.codec!.unpack(block.packed!).split(SEPARATOR);
        for (let i = Math.max(0, from - block.first); i < jsons.length; i++) out.push({ seq: block.first + i, json: jsons[i]! });
        continue;
      }
      const { entries } = block;
      for (let i = Math.max(0, from - block.first); i < entries.length; i++) {
        const json = jsonOf(entries[i]!, block.first + i);
        // Built once: the next reader gets the same text.
        entries[i] = json;
        out.push({ seq: block.first + i, json });
      }
    }
    return out;
  }

  /**
   * Packs the blocks that were full and unread at the last call and still
   * are; marks the newly full ones. Called every second or so. Returns how
   * many blocks it packed.
   */
  compact(): number {
    if (this.codec === undefined) return 0;
    let packed = 0;
    // The newest block may still take events: never it.
    for (let b = 0; b < this.#blocks.length - 1; b++) {
      const block = this.#blocks[b]!;
      if (block.entries === null) continue;
      if (!block.cold) {
        block.cold = true;
        continue;
      }
      block.packed = this.codec.pack(block.entries.map((e, i) => jsonOf(e, block.first + i)).join(SEPARATOR));
      block.entries = null;
      packed++;
    }
    return packed;
  }
}
