/** Every 4xx of the control plane has one shape and names the field. */
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorBody, FieldError } from '@cors-lab/shared';

export function errorBody(statusCode: number, errors: FieldError[]): ErrorBody {
  const error = STATUS_CODES[statusCode] ?? 'Bad Request';
  return { statusCode, error, message: errors.map((e) => e.message).join('; '), errors };
}

/** Maps Fastify's own refusals (bad JSON, too large, wrong media type) to field-naming 4xx answers. */
export function registerErrorHandler(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((err: FastifyError, _req, reply) => {
    const status = err.statusCode ?? 500;
    if (status >= 500) {
      reply.log.error(err);
      return reply.code(500).send({ statusCode: 500, error: 'Internal Server Error', message: 'server02 failed; see its log', errors: [] });
    }
    let message = `body: ${err.message}`;
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') message = `body: larger than the limit of ${bodyLimit} bytes`;
    else if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') message = 'body: must be sent as Content-Type: application/json';
    else if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) message = 'body: is not valid JSON';
    else if (err.validation) message = validationMessage(err);
    return reply.code(status).send(errorBody(status, [{ field: err.validation ? (err.validation[0]?.instancePath ?? '') : '', message }]));
  });
}

/** `querystring/lab must be …`: the schema's own description of the field when it has one. */
function validationMessage(err: FastifyError): string {
  type Failure = { instancePath?: string; parentSchema?: { description?: string } };
  // A union fails branch by branch; the union itself carries the description.
  const failures = (err.validation ?? []) as Failure[];
  const first = failures.find((f) => f.parentSchema?.description !== undefined) ?? failures[0];
  const description = first?.parentSchema?.description;
  return description === undefined ? err.message : `${err.validationContext ?? ''}${first?.instancePath ?? ''} ${description}`;
}
