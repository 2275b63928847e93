/**
 * One library's lane: every conformance policy's export running in the real
 * library, the whole matrix sent to each, every difference checked against
 * the export's notes.
 */
import { startBackend, type BackendId, type RunningBackend } from '@cors-lab/backends';
import { checkExchange, CONFORMANCE_POLICIES, describeRequest, emptyTally, requestMatrix, tallyCase, type LibraryTally, type NamedPolicy } from '@cors-lab/backends/conformance';
import { sendRequest } from './send-request.ts';

/** Two cores: a few backends start at once, a few requests are in flight per backend. */
const STARTS_AT_ONCE = 4;
const REQUESTS_AT_ONCE = 6;

/** Runs `work` over `items`, at most `limit` at a time, keeping their order. */
async function pooled<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function runPolicy(tally: LibraryTally, backend: RunningBackend, { name, policy }: NamedPolicy): Promise<void> {
  tally.policies += 1;
  await pooled(requestMatrix(), REQUESTS_AT_ONCE, async (request) => {
    try {
      const answer = await sendRequest(backend.port, request);
      tallyCase(tally, name, request, checkExchange(policy, request, answer, backend.config.notes));
    } catch (error) {
      tally.cases += 1;
      tally.unexplained.push(`[${name}] ${describeRequest(request)}: request failed: ${(error as Error).message}`);
    }
  });
}

export async function runLane(id: BackendId): Promise<LibraryTally> {
  const tally = emptyTally(id);
  const started = await pooled(CONFORMANCE_POLICIES, STARTS_AT_ONCE, async (named) => {
    try {
      return { named, backend: await startBackend(id, named.policy) };
    } catch (error) {
      tally.unexplained.push(`[${named.name}] backend did not start: ${(error as Error).message}`);
      return { named, backend: null };
    }
  });
  try {
    for (const { named, backend } of started) if (backend !== null) await runPolicy(tally, backend, named);
  } finally {
    await Promise.all(started.map(({ backend }) => backend?.stop()));
  }
  return tally;
}
