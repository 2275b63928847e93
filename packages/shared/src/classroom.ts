/**
 * The teacher's view of a classroom: each learner's place in the course
 * (never their requests), and moving everyone to a step.
 */
import { Type, type Static } from '@sinclair/typebox';

const lessonId = Type.String({ pattern: '^[a-z0-9-]{1,64}$', description: 'must be a lesson id (lowercase letters, digits and -)' });
const step = Type.Integer({ minimum: 0, maximum: 99, description: 'must be a step number from 0 to 99' });

/** PUT /api/presence: where the learner is; null lesson = the lesson list. */
export const PresenceSchema = Type.Object({ lesson: Type.Union([Type.Null(), lessonId]), step }, { additionalProperties: false });
export type Presence = Static<typeof PresenceSchema>;

/** POST /api/classroom/goto */
export const GotoSchema = Type.Object({ lesson: lessonId, step }, { additionalProperties: false });
export type Goto = Static<typeof GotoSchema>;

/** GET /api/classroom: one row per learner. */
export const ClassroomSchema = Type.Object({
  learners: Type.Array(
    Type.Object({
      alias: Type.Integer(),
      online: Type.Boolean(),
      lesson: Type.Union([Type.Null(), Type.String()]),
      step: Type.Integer(),
    }),
  ),
});
export type Classroom = Static<typeof ClassroomSchema>;
