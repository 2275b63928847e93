/**
 * The teacher's side of a classroom: the learners and the step each has
 * reached (never their requests), and moving everyone to a step. Only the
 * holder of the teacher token printed at start-up may use it.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ClassroomSchema, CONTROL_ROUTES, GotoSchema, lessonById, type Goto, type LabHub } from '@cors-lab/shared';
import { errorBody } from './errors.ts';

function isTeacher(req: FastifyRequest, token: string | undefined): boolean {
  const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (token === undefined || given === undefined) return false;
  const [a, b] = [Buffer.from(given), Buffer.from(token)];
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuse(reply: FastifyReply, token: string | undefined) {
  const message = token === undefined ? 'this lab runs without a teacher view' : 'Authorization must be Bearer <the teacher token the lab printed at start-up>';
  return reply.code(401).send(errorBody(401, [{ field: 'Authorization', message }]));
}

export function registerClassroomRoutes(app: FastifyInstance, hub: LabHub, token: string | undefined): void {
  app.get(CONTROL_ROUTES.classroom, { schema: { response: { 200: ClassroomSchema } } }, async (req, reply) => {
    if (!isTeacher(req, token)) return refuse(reply, token);
    const learners = [...hub.labs()]
      .filter((lab) => lab.presence !== null)
      .map((lab) => ({ alias: lab.alias, online: lab.watchers > 0, lesson: lab.presence!.lesson, step: lab.presence!.step }));
    return { learners };
  });

  app.post<{ Body: Goto }>(CONTROL_ROUTES.classroomGoto, { schema: { body: GotoSchema } }, async (req, reply) => {
    if (!isTeacher(req, token)) return refuse(reply, token);
    const lesson = lessonById(req.body.lesson);
    if (lesson === undefined) return reply.code(400).send(errorBody(400, [{ field: '/lesson', message: `lesson: there is no lesson ${req.body.lesson}` }]));
    if (req.body.step >= lesson.steps.length) {
      return reply.code(400).send(errorBody(400, [{ field: '/step', message: `step: lesson ${lesson.id} has steps 0 to ${lesson.steps.length - 1}` }]));
    }
    let moved = 0;
    for (const lab of hub.labs()) {
      if (lab.presence === null) continue;
      lab.goTo(req.body.lesson, req.body.step);
      moved++;
    }
    return { moved };
  });
}
