/** Every lesson's step scripts, in the order of the course: what the recorder can record. */
import { originsSteps } from './lesson-01-origins.steps.ts';
import { classicDemoSteps } from './lesson-02-classic-demo.steps.ts';
import { allowOriginSteps } from './lesson-03-allow-origin.steps.ts';
import { simpleOrPreflightedSteps } from './lesson-04-simple-or-preflighted.steps.ts';
import { putPreflightSteps } from './lesson-05-put-preflight.steps.ts';
import { customHeadersSteps } from './lesson-06-custom-headers.steps.ts';
import { credentialsSteps } from './lesson-07-credentials.steps.ts';
import { exposeHeadersSteps } from './lesson-08-expose-headers.steps.ts';
import { preflightCacheSteps } from './lesson-09-preflight-cache.steps.ts';
import { conditionalSteps } from './lesson-10-conditional.steps.ts';
import { errorsSteps } from './lesson-11-errors.steps.ts';
import { securitySteps } from './lesson-12-security.steps.ts';
import { jsonpSteps } from './lesson-13-jsonp.steps.ts';
import type { LessonScript } from './step-script.ts';

export const LESSON_SCRIPTS: readonly LessonScript[] = [
  originsSteps,
  classicDemoSteps,
  allowOriginSteps,
  simpleOrPreflightedSteps,
  putPreflightSteps,
  customHeadersSteps,
  credentialsSteps,
  exposeHeadersSteps,
  preflightCacheSteps,
  conditionalSteps,
  errorsSteps,
  securitySteps,
  jsonpSteps,
];
