/** Reads a scenario file, refusing what is not in the format of cors-scenarios/FORMAT.md. */
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { ScenarioSchema, type Scenario } from '@cors-lab/shared';

export function readScenarios(text: string, name: string): Scenario[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${name}: not JSON: ${(e as Error).message}`);
  }
  const schema = Type.Array(ScenarioSchema);
  const error = Value.Errors(schema, data).First();
  if (error !== undefined) throw new Error(`${name}: ${error.path || '/'}: ${error.message}`);
  return data as Scenario[];
}
