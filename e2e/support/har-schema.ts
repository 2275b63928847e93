/**
 * The HAR 1.2 JSON schema of the `har-schema` package (draft-06), compiled by
 * Ajv 8. The schema uses three words JSON Schema does not define (`optional`,
 * `min`, `unique`): declared as annotations, strict mode stays on for the rest
 * but the types it leaves implied (`timings`, `cache`, `postData.params`).
 */
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const require = createRequire(import.meta.url);

export function harValidator(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
  ajv.addVocabulary(['optional', 'min', 'unique']);
  // ajv-formats is CommonJS with a `default` beside its module.exports.
  const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
  addFormats(ajv);
  for (const schema of Object.values(require('har-schema') as Record<string, object>)) ajv.addSchema(schema);
  return ajv.getSchema('har.json#')!;
}
