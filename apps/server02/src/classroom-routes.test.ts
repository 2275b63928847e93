import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { EMPTY_POLICY, LabHub } from '@cors-lab/shared';
import { buildServer02 } from './app.ts';

const SAME_ORIGIN = { host: 'localhost:8100', origin: 'http://localhost:8100', 'content-type': 'application/json' };
const TEACHER = { authorization: 'Bearer t0ken' };
const ANN = 'AnnAnnAnnAnnAnnAnnAnnA';
const BOB = 'BobBobBobBobBobBobBobB';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

function setup() {
  const hub = new LabHub({ initialPolicy: EMPTY_POLICY, historyLimit: 50 });
  app = buildServer02({ hub, teacherToken: 't0ken' });
  return { app, hub };
}

const presence = (a: FastifyInstance, lab: string, body: unknown) =>
  a.inject({ method: 'PUT', url: `/api/presence?lab=${lab}`, headers: SAME_ORIGIN, payload: JSON.stringify(body) });

describe('classroom', () => {
  it('lists learners by number and place in the course, never by lab id', async () => {
    const { app } = setup();
    await presence(app, ANN, { lesson: 'origins', step: 1 });
    await presence(app, BOB, { lesson: null, step: 0 });
    const res = await app.inject({ method: 'GET', url: '/api/classroom', headers: TEACHER });
    expect(res.json()).toEqual({
      learners: [
        { alias: 1, online: false, lesson: 'origins', step: 1 },
        { alias: 2, online: false, lesson: null, step: 0 },
      ],
    });
    expect(res.body).not.toContain(ANN);
  });

  it('moves every learner to a step with a goto event in each lab', async () => {
    const { app, hub } = setup();
    await presence(app, ANN, { lesson: 'origins', step: 1 });
    await presence(app, BOB, { lesson: null, step: 0 });
    const res = await app.inject({ method: 'POST', url: '/api/classroom/goto', headers: { ...SAME_ORIGIN, ...TEACHER }, payload: JSON.stringify({ lesson: 'classic-demo', step: 1 }) });
    expect(res.json()).toEqual({ moved: 2 });
    expect(hub.lab(BOB).since(0).events).toEqual([{ type: 'goto', seq: 1, lesson: 'classic-demo', step: 1 }]);
  });

  it('refuses without the token, and names what is wrong', async () => {
    const { app } = setup();
    const none = await app.inject({ method: 'GET', url: '/api/classroom' });
    const wrong = await app.inject({ method: 'GET', url: '/api/classroom', headers: { authorization: 'Bearer t0kem' } });
    expect([none.statusCode, wrong.statusCode, none.json().errors[0].field]).toEqual([401, 401, 'Authorization']);
  });

  it('refuses a step the lesson does not have, and a bad presence, naming the field', async () => {
    const { app } = setup();
    const step = await app.inject({ method: 'POST', url: '/api/classroom/goto', headers: { ...SAME_ORIGIN, ...TEACHER }, payload: JSON.stringify({ lesson: 'origins', step: 9 }) });
    expect([step.statusCode, step.json().errors[0].field]).toEqual([400, '/step']);
    const bad = await presence(app, ANN, { lesson: '<script>', step: 0 });
    expect([bad.statusCode, bad.json().message]).toEqual([400, expect.stringContaining('lesson')]);
  });
});
