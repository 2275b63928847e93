/** Which backends can run here, and for the others why not and what installs them. */
import { BACKENDS, installCommand, type BackendId } from './backend-catalog.ts';
import { findRuntime, hasAptGet } from './runtimes.ts';

export interface BackendInfo {
  readonly id: BackendId;
  readonly name: string;
  readonly available: boolean;
  /** Set when not available: the exact command that installs what is missing. */
  readonly install?: string;
  /** Set when not available: what is missing. */
  readonly reason?: string;
}

/** Every backend, available or not, in the order the lab offers them. */
export async function detectBackends(): Promise<BackendInfo[]> {
  const apt = hasAptGet();
  return Promise.all(
    BACKENDS.map(async ({ id, name, runtime }): Promise<BackendInfo> => {
      const found = await findRuntime(runtime);
      if (found.ok) return { id, name, available: true };
      return { id, name, available: false, install: installCommand(runtime, await apt), reason: found.reason };
    }),
  );
}
