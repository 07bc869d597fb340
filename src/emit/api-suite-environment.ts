import type { ApiSuite } from '../core/test-case.ts';

/**
 * The environment an emitted API suite reads, documented the same way whatever its format:
 * rows of the README's table and the lines of `.env.example`.
 */
export function environmentRows(suite: ApiSuite): string[] {
  return [
    '| variable | what it is |',
    '|---|---|',
    '| `API_BASE_URL` | base URL of the API under test |',
    ...credentialRows(suite.auth),
    '| `API_HEADERS` | extra headers for every request, one `Name: value` per line; their values are secret |',
    '| `TESTOPS_SECRET_VARS` | names of the variables below whose values are secret, comma-separated (e.g. `TENANT_KEY`) |',
    '| `ALLOW_WRITES` | `1` lets tests send POST/PUT/PATCH/DELETE to a host that is not loopback; without it those tests are skipped |',
    ...suite.variables.map((variable) => `| \`${variable.env}\` | ${oneLine(variable.description)} |`),
  ];
}

export function envExampleLines(suite: ApiSuite, baseUrl: string): string[] {
  return [
    `API_BASE_URL=${baseUrl}`,
    ...credentialVariables(suite.auth).map((name) => `${name}=`),
    '# Extra headers, one "Name: value" per line',
    'API_HEADERS=',
    '# Variables (below) whose values are secret, comma-separated',
    'TESTOPS_SECRET_VARS=',
    '# Set to 1 to allow POST/PUT/PATCH/DELETE against a non-loopback host',
    'ALLOW_WRITES=',
    ...suite.variables.flatMap((variable) => [
      `# ${oneLine(variable.description)}`,
      `${variable.env}=${variable.example ?? ''}`,
    ]),
  ];
}

/**
 * What the README says about secret values, the same for both formats: what is masked, where,
 * and the limit on short values.
 */
export function secretValueLines(): string[] {
  return [
    '## Secrets',
    'Every value in `API_HEADERS`, `API_TOKEN`, `API_KEY`, `API_PASSWORD` and the variables `TESTOPS_SECRET_VARS`',
    'names is replaced by `***` wherever the suite writes text: recorded requests and responses, failure messages,',
    'JUnit and Allure results. URL-encoded, JSON- and XML-escaped and base64 forms too (and for `Basic` credentials',
    'the decoded `user:password`). Values shorter than 4 characters are not masked: they would mangle every text.',
  ];
}

export function skippedOperationLines(suite: ApiSuite): string[] {
  if (suite.skippedOperations.length === 0) return [];
  return [
    '',
    '## Operations without tests',
    ...suite.skippedOperations.map(
      (skipped) => `- \`${skipped.operation}\`: ${skipped.reason.split('\n')[0]}`,
    ),
  ];
}

export function unconstrainedLines(suite: ApiSuite): string[] {
  const warnings = suite.unconstrained ?? [];
  if (warnings.length === 0) return [];
  return [
    '',
    '## Parts of the spec tested as unconstrained',
    'These schemas point at definitions the spec does not have: any value is accepted there, and the rest of',
    'each operation is tested as documented.',
    ...warnings.map((warning) => `- \`${warning.operation}\`: \`${warning.pointer}\``),
  ];
}

function credentialRows(auth: ApiSuite['auth']): string[] {
  switch (auth.kind) {
    case 'bearer':
      return [
        `| \`API_TOKEN\` | token sent as \`Authorization: ${auth.prefix ?? 'Bearer'} …\` (given with the prefix, it is not doubled) |`,
      ];
    case 'api-key':
      return [`| \`API_KEY\` | API key sent in ${auth.in ?? 'header'} \`${auth.name ?? 'X-API-Key'}\` |`];
    case 'basic':
      return ['| `API_USERNAME`, `API_PASSWORD` | basic credentials |'];
    case 'none':
      return [];
  }
}

function credentialVariables(auth: ApiSuite['auth']): string[] {
  switch (auth.kind) {
    case 'bearer':
      return ['API_TOKEN'];
    case 'api-key':
      return ['API_KEY'];
    case 'basic':
      return ['API_USERNAME', 'API_PASSWORD'];
    case 'none':
      return [];
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}
