import { describe, expect, it, vi } from 'vitest';
import { EMPTY_POLICY, LabHub } from '@cors-lab/shared';
import { buildServer01 } from './app.ts';
import { preflightHeaders } from './inject-server.ts';

describe("server01's log", () => {
  it('gets a 500 with its cause, once, and nothing for the answers server01 makes', async () => {
    const hub = new LabHub({ initialPolicy: EMPTY_POLICY, historyLimit: 10 });
    const logged: unknown[][] = [];
    const app = buildServer01({ hub, log: { error: (...args: unknown[]) => logged.push(args) } });
    try {
      const answered = [
        (await app.inject({ method: 'GET', url: '/getData.html' })).statusCode,
        (await app.inject({ method: 'OPTIONS', url: '/getData.html', headers: preflightHeaders })).statusCode,
        (await app.inject({ method: 'GET', url: '/no-such-page' })).statusCode,
      ];
      vi.spyOn(hub, 'lab').mockImplementationOnce(() => {
        throw new Error('the hub broke');
      });
      const failed = await app.inject({ method: 'PUT', url: '/getData.html', payload: 'x' });
      expect({ answered, failed: failed.statusCode, logged }).toEqual({
        answered: [200, 204, 404],
        failed: 500,
        logged: [[{ err: expect.objectContaining({ message: 'the hub broke' }) }, 'server01 failed to answer PUT /getData.html']],
      });
    } finally {
      await app.close();
    }
  });
});
