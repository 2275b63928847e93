/** Every lesson, in the order of the course. */
import { classicDemoLesson } from './lesson-02-classic-demo.ts';
import { originsLesson } from './lesson-01-origins.ts';
import { allowOriginLesson } from './lesson-03-allow-origin.ts';
import { simpleOrPreflightedLesson } from './lesson-04-simple-or-preflighted.ts';
import { putPreflightLesson } from './lesson-05-put-preflight.ts';
import { customHeadersLesson } from './lesson-06-custom-headers.ts';
import { credentialsLesson } from './lesson-07-credentials.ts';
import { exposeHeadersLesson } from './lesson-08-expose-headers.ts';
import { preflightCacheLesson } from './lesson-09-preflight-cache.ts';
import { conditionalLesson } from './lesson-10-conditional.ts';
import { errorsLesson } from './lesson-11-errors.ts';
import { securityLesson } from './lesson-12-security.ts';
import { jsonpLesson } from './lesson-13-jsonp.ts';
import type { Lesson } from './types.ts';

export const LESSONS: readonly Lesson[] = [
  originsLesson,
  classicDemoLesson,
  allowOriginLesson,
  simpleOrPreflightedLesson,
  putPreflightLesson,
  customHeadersLesson,
  credentialsLesson,
  exposeHeadersLesson,
  preflightCacheLesson,
  conditionalLesson,
  errorsLesson,
  securityLesson,
  jsonpLesson,
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
