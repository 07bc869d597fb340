import type { ApiOperation } from '../../core/api-model.ts';
import type { ApiTestCase, ResourceUse, Step } from '../../core/test-case.ts';
import { act, literal, makeCase, responseAssertions, successStatus } from './case-helpers.ts';
import type { GenerationContext } from './generation-context.ts';

/** A page-size parameter by its usual names. */
export const LIMIT = /^(limit|per_page|perPage|page_size|pageSize|max_results|maxResults)$/;
const OFFSET = /^(offset|skip|start)$/;
const ORDER = /^(order_by|orderBy|sort|sort_by|sortBy|order)$/;

/** Limits, offsets and ordering of list operations, as documented. */
export function paginationCases(context: GenerationContext, operation: ApiOperation): ApiTestCase[] {
  if (operation.method !== 'get') return [];
  const shape = context.graph.listShapeOf(operation);
  if (!shape) return [];
  const query = operation.parameters.filter((parameter) => parameter.in === 'query');
  const limit = query.find((parameter) => LIMIT.test(parameter.name));
  const offset = query.find((parameter) => OFFSET.test(parameter.name));
  const order = query.find((parameter) => ORDER.test(parameter.name));
  const base = context.requests.build(operation);
  const kind = context.graph.kindOfCollection(operation.path);
  // Two resources of our own make "at most one item" and "offset shifts by one" meaningful.
  const seeded: ResourceUse[] =
    kind?.create && kind.remove && context.graph.isObtainable(kind)
      ? [
          { alias: `${kind.name}1`, resource: kind.name },
          { alias: `${kind.name}2`, resource: kind.name },
        ]
      : [];
  const uses = [...base.uses, ...seeded];
  const status = successStatus(operation);
  const arrayPath = shape.arrayPath;
  const cases: ApiTestCase[] = [];
  const listCase = (title: string, steps: Step[], caseUses = uses): ApiTestCase =>
    makeCase({
      title,
      kind: 'pagination',
      operation,
      steps,
      uses: caseUses,
      priority: 'low',
      covers: [`${operation.key} ${status}`],
      writesByResources: caseUses.length > 0,
    });
  if (limit) {
    const schema = context.schemas.flatten(limit.schema);
    cases.push(
      listCase(`${operation.key} returns at most 1 item with ${limit.name}=1`, [
        act(
          `${operation.key} with ${limit.name}=1`,
          { ...base.request, query: { ...base.request.query, [limit.name]: literal(1) } },
          [
            ...responseAssertions(operation, [status]),
            { kind: 'array-length', path: arrayPath, max: 1, ...(seeded.length > 0 ? { min: 1 } : {}) },
          ],
        ),
      ]),
    );
    if (schema.maximum !== undefined && schema.maximum > 1) {
      cases.push(
        listCase(
          `${operation.key} accepts ${limit.name}=${schema.maximum}, its maximum`,
          [
            act(
              `${operation.key} with ${limit.name}=${schema.maximum}`,
              { ...base.request, query: { ...base.request.query, [limit.name]: literal(schema.maximum) } },
              [
                ...responseAssertions(operation, [status]),
                { kind: 'array-length', path: arrayPath, max: schema.maximum },
              ],
            ),
          ],
          base.uses,
        ),
      );
    }
  }
  if (limit && offset && seeded.length > 0 && shape.idPath) {
    const idInItem = shape.idPath.slice(arrayPath ? arrayPath.length + 3 : 2);
    const second = [arrayPath, '1', idInItem].filter(Boolean).join('.');
    const first = [arrayPath, '0', idInItem].filter(Boolean).join('.');
    cases.push(
      listCase(`${operation.key} with ${offset.name}=1 starts at the second item of the first page`, [
        act(
          `${operation.key} with ${limit.name}=2`,
          {
            ...base.request,
            query: { ...base.request.query, [limit.name]: literal(2), [offset.name]: literal(0) },
          },
          [
            { kind: 'status', oneOf: [status] },
            { kind: 'array-length', path: arrayPath, min: 2, max: 2 },
          ],
          { saves: [{ name: 'second', path: second, from: 'response' }] },
        ),
        act(
          `${operation.key} with ${limit.name}=1 and ${offset.name}=1`,
          {
            ...base.request,
            query: { ...base.request.query, [limit.name]: literal(1), [offset.name]: literal(1) },
          },
          [
            { kind: 'status', oneOf: [status] },
            { kind: 'field-equals', path: first, value: { kind: 'saved', name: 'second' } },
          ],
        ),
      ]),
    );
  }
  for (const value of (order && context.schemas.flatten(order.schema).enum) || []) {
    cases.push(
      listCase(
        `${operation.key} sorts by ${order!.name}=${String(value)}`,
        [
          act(
            `${operation.key} with ${order!.name}=${String(value)}`,
            { ...base.request, query: { ...base.request.query, [order!.name]: literal(value) } },
            responseAssertions(operation, [status]),
          ),
        ],
        base.uses,
      ),
    );
  }
  return cases;
}
