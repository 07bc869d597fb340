import { TEST_FILE_KINDS } from '../model/source-model.ts';
import { SEVERITIES } from '../model/standards-report.ts';
import { PHASES, type ParameterValue, type RuleSet } from './rule-types.ts';

type Schema = Record<string, unknown>;

const stringList: Schema = { type: 'array', items: { type: 'string' } };

/**
 * JSON Schema of a user's rules file, built from the default rule set so it knows every rule
 * id and the type of every parameter: a typo in a rule id or a number where a list belongs is
 * reported with where it is, instead of being silently ignored.
 */
export function rulesFileSchema(defaults: RuleSet): Schema {
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      version: { const: 1 },
      allowedHosts: { type: 'array', items: { type: 'string', minLength: 1 } },
      scoring: closedObject(Object.fromEntries(SEVERITIES.map((s) => [s, { type: 'number', minimum: 0 }]))),
      phases: closedObject(
        Object.fromEntries(
          PHASES.map((p) => [p, { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } }]),
        ),
      ),
      rules: closedObject(
        Object.fromEntries(defaults.rules.map((rule) => [rule.id, ruleSchema(rule.parameters)])),
      ),
    },
  };
}

function ruleSchema(parameters: Record<string, ParameterValue>): Schema {
  return {
    if: { type: 'string' },
    then: { enum: ['off', ...SEVERITIES] },
    else: closedObject({
      enabled: { type: 'boolean' },
      severity: { enum: [...SEVERITIES] },
      appliesTo: { type: 'array', uniqueItems: true, items: { enum: [...TEST_FILE_KINDS] } },
      recommendation: { type: 'string', minLength: 1 },
      parameters: closedObject(
        Object.fromEntries(Object.entries(parameters).map(([name, value]) => [name, valueSchema(value)])),
      ),
    }),
  };
}

function valueSchema(value: ParameterValue): Schema {
  if (Array.isArray(value)) return stringList;
  return { type: typeof value === 'number' ? 'number' : typeof value };
}

function closedObject(properties: Record<string, Schema>): Schema {
  return { type: 'object', additionalProperties: false, properties };
}
