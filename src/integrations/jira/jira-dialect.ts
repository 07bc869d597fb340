// How Jira says "not allowed", per call: a 403 body ({errorMessages, errors}) rarely names the
// permission, so the permission each of our calls needs is named from the path we called.
// Cloud (REST v3) takes the account's email and an API token as Basic auth; Server and Data
// Center (REST v2) take a personal access token as Bearer.
import type { DenialExplanation, VendorDialect, VendorResponse } from '../vendor-exchange.ts';

export type JiraFlavour = 'cloud' | 'server';

export interface JiraCredentials {
  /** Cloud: the Atlassian account's email, with an API token; absent: a personal access token (Bearer). */
  email: string | undefined;
  token: string;
}

/** The permission (Jira's project permission names) each call we make needs. */
function permissionFor(path: string): string {
  if (/\/search(\/jql)?$/.test(path)) return 'the project permission "Browse Projects"';
  if (/\/comment$/.test(path)) return 'the project permission "Add Comments"';
  if (/\/properties\//.test(path)) return 'the project permission "Edit Issues"';
  if (/\/issue$/.test(path)) return 'the project permission "Create Issues"';
  return 'the project permission "Edit Issues"';
}

export function jiraDialect(flavour: JiraFlavour, credentials: JiraCredentials): VendorDialect {
  return {
    vendor: flavour === 'cloud' ? 'Jira Cloud' : 'Jira',
    authHeaders: (token) =>
      credentials.email === undefined
        ? { authorization: `Bearer ${token}` }
        : { authorization: `Basic ${Buffer.from(`${credentials.email}:${token}`).toString('base64')}` },
    explainDenial: (response) => explainDenial(flavour, credentials, response),
    errorMessage: jiraErrorMessage,
  };
}

function explainDenial(
  flavour: JiraFlavour,
  credentials: JiraCredentials,
  response: VendorResponse,
): DenialExplanation {
  switch (response.status) {
    case 401:
      return {
        hint:
          flavour === 'cloud'
            ? 'set JIRA_EMAIL to the account’s email and JIRA_API_TOKEN to an API token of that account (Atlassian account → Security → API tokens).'
            : credentials.email === undefined
              ? 'set JIRA_API_TOKEN to a personal access token (Profile → Personal Access Tokens); it may have expired.'
              : 'this Jira refused Basic auth: unset JIRA_EMAIL and set JIRA_API_TOKEN to a personal access token.',
      };
    case 404:
      return {
        hint: 'Jira answers 404 for a project or issue the account may not browse: check the project key and the account’s "Browse Projects" permission.',
      };
    default: {
      const missing = permissionFor(response.url.pathname);
      return {
        missing,
        hint: `ask a Jira administrator to grant the account ${missing.replace('the project permission ', '')} in the project’s permission scheme.`,
      };
    }
  }
}

/** Jira's error body: `{"errorMessages": ["…"], "errors": {"field": "…"}}`. */
export function jiraErrorMessage(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const { errorMessages, errors } = body as { errorMessages?: unknown; errors?: unknown };
  const messages = Array.isArray(errorMessages)
    ? errorMessages.filter((item) => typeof item === 'string')
    : [];
  const fields =
    errors && typeof errors === 'object'
      ? Object.entries(errors as Record<string, unknown>).map(
          ([field, message]) => `${field}: ${String(message)}`,
        )
      : [];
  const text = [...messages, ...fields].join('; ');
  return text === '' ? undefined : text;
}
