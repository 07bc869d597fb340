// The part of JQL the fake Jira understands: clauses joined by AND, each `field = value`,
// `field in (a, b)` or `field is EMPTY`, then an optional ORDER BY. Anything else is refused as
// Jira refuses a query it cannot parse (400, "Error in the JQL Query: …").

export interface JqlClause {
  field: string;
  operator: '=' | 'in' | 'is empty';
  values: string[];
}

export interface JqlQuery {
  clauses: JqlClause[];
  orderBy: { field: string; direction: 'asc' | 'desc' } | undefined;
}

export function parseJql(jql: string): JqlQuery {
  const [where, order] = jql.split(/\s+ORDER\s+BY\s+/i);
  const clauses = where!.trim() === '' ? [] : where!.split(/\s+AND\s+/i).map(parseClause);
  let orderBy: JqlQuery['orderBy'];
  if (order) {
    const [field, direction] = order.trim().split(/\s+/);
    orderBy = {
      field: field!.toLowerCase(),
      direction: direction?.toLowerCase() === 'desc' ? 'desc' : 'asc',
    };
  }
  return { clauses, orderBy };
}

function parseClause(clause: string): JqlClause {
  const trimmed = clause.trim();
  const empty = /^(\w+)\s+is\s+EMPTY$/i.exec(trimmed);
  if (empty) return { field: empty[1]!.toLowerCase(), operator: 'is empty', values: [] };
  const inList = /^(\w+)\s+in\s*\((.*)\)$/i.exec(trimmed);
  if (inList)
    return { field: inList[1]!.toLowerCase(), operator: 'in', values: inList[2]!.split(',').map(unquote) };
  const equals = /^(\w+)\s*=\s*(.+)$/.exec(trimmed);
  if (equals) return { field: equals[1]!.toLowerCase(), operator: '=', values: [unquote(equals[2]!)] };
  throw new Error(`Error in the JQL Query: Expecting operator but got '${trimmed}'.`);
}

function unquote(value: string): string {
  const trimmed = value.trim();
  const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(trimmed);
  return quoted ? quoted[1]!.replace(/\\(.)/g, '$1') : trimmed;
}

/** Whether an issue's value(s) for a field satisfy a clause (labels are a list). */
export function matches(clause: JqlClause, values: string[]): boolean {
  switch (clause.operator) {
    case 'is empty':
      return values.length === 0;
    case '=':
      return values.some((value) => value.toLowerCase() === clause.values[0]!.toLowerCase());
    case 'in':
      return values.some((value) =>
        clause.values.some((wanted) => wanted.toLowerCase() === value.toLowerCase()),
      );
  }
}
