/**
 * The real lab, started for a bench that measures its memory: the pnpm
 * wrapper, and inside it the node process that listens on server02's port,
 * whose RSS and CPU are the lab's alone.
 */
import { PORTS } from '@cors-lab/shared';
import { startLab } from '../tools/lab-process.ts';
import { alive, cpuSeconds, listeningPid, portsFree, rssMb } from './proc-stats.ts';

export interface LabUnderTest {
  readonly pid: number;
  rssMb(): number;
  cpuSeconds(): number;
  /** Stops the lab and makes sure its node process is gone. */
  stop(): Promise<void>;
}

export async function startLabUnderTest(args: readonly string[]): Promise<LabUnderTest> {
  await portsFree(Object.values(PORTS));
  const lab = await startLab({ args });
  const pid = listeningPid(lab.pid, PORTS.server02);
  if (pid === null) {
    lab.stop();
    throw new Error('no process under the lab wrapper listens on port 8100');
  }
  return {
    pid,
    rssMb: () => rssMb(pid),
    cpuSeconds: () => cpuSeconds(pid),
    stop: async () => {
      lab.stop();
      await Promise.race([lab.exited, new Promise((r) => setTimeout(r, 5000))]);
      for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
      if (alive(pid)) process.kill(pid, 'SIGKILL');
    },
  };
}
