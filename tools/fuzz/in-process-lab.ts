/** server01 and server02 over one LabHub, in this process, on ephemeral loopback ports: real sockets, Node's real parser. */
import type { AddressInfo } from 'node:net';
import { EMPTY_POLICY, LabHub } from '@cors-lab/shared';
import { buildServer01 } from '../../apps/server01/src/app.ts';
import { buildServer02 } from '../../apps/server02/src/app.ts';

export interface InProcessLab {
  readonly hub: LabHub;
  readonly port01: number;
  readonly port02: number;
  /** Lines the servers logged at level error (a 5xx logs its cause). */
  readonly errorLog: string[];
  close(): Promise<void>;
}

export async function startInProcessLab(historyLimit: number): Promise<InProcessLab> {
  const hub = new LabHub({ initialPolicy: EMPTY_POLICY, historyLimit });
  const errorLog: string[] = [];
  const logger = { level: 'error', stream: { write: (line: string) => void errorLog.push(line) } };
  const server02 = buildServer02({ hub, logger });
  const server01 = buildServer01({ hub, log: server02.log });
  await server01.listen({ port: 0, host: '127.0.0.1' });
  await server02.listen({ port: 0, host: '127.0.0.1' });
  const port = (s: typeof server01) => (s.server.address() as AddressInfo).port;
  return {
    hub,
    port01: port(server01),
    port02: port(server02),
    errorLog,
    close: async () => {
      const closing = Promise.allSettled([server01.close(), server02.close()]);
      server01.server.closeAllConnections();
      server02.server.closeAllConnections();
      await closing;
    },
  };
}
