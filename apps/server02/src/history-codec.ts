/**
 * The codec that packs the cold part of each lab's history: raw DEFLATE from
 * Node's zlib. A block is one lab's events, which repeat each other almost
 * byte for byte (same headers, same bodies, a new Date and timestamps), so it
 * packs to a few percent of its JSON. The bytes are kept as a latin1 string
 * (one byte a character): a string of exactly their size in the heap, where
 * a small Buffer would pin a slab of Node's pool.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { HistoryCodec } from '@cors-lab/shared';

export const deflateHistory: HistoryCodec = {
  pack: (text) => deflateRawSync(text).toString('latin1'),
  unpack: (packed) => inflateRawSync(Buffer.from(packed, 'latin1')).toString('utf8'),
};
