import { TestopsError } from '../../core/errors.ts';
import type { UrlGuardOptions } from '../../sources/url-guard.ts';
import { type VendorHttp, type VendorHttpOptions, vendorHttp } from '../vendor-http.ts';
import { type JiraCredentials, type JiraFlavour, jiraDialect } from './jira-dialect.ts';

/** Where and as whom we talk to Jira. */
export interface JiraConnection {
  baseUrl: URL;
  flavour: JiraFlavour;
  credentials: JiraCredentials;
}

/** The environment variables the CLI reads (the service reads the same names from the project's secrets). */
export const JIRA_ENV = {
  baseUrl: 'JIRA_BASE_URL',
  email: 'JIRA_EMAIL',
  token: 'JIRA_API_TOKEN',
  flavour: 'JIRA_FLAVOUR',
} as const;

/** Cloud sites live under these domains; anything else is Server or Data Center unless told. */
export function guessFlavour(baseUrl: URL): JiraFlavour {
  return /\.(atlassian\.net|jira\.com)$/i.test(baseUrl.hostname) ? 'cloud' : 'server';
}

export function jiraConnection(settings: {
  baseUrl: string | undefined;
  flavour: string | undefined;
  email: string | undefined;
  token: string | undefined;
  /** A dry run sends nothing, so it needs no token. */
  tokenOptional?: boolean;
}): JiraConnection {
  if (!settings.baseUrl) {
    throw new TestopsError('TESTOPS_INVALID_ARGUMENT', 'no Jira base URL', {
      where: `--base-url / ${JIRA_ENV.baseUrl}`,
      expected: 'the URL of the Jira site: https://your-site.atlassian.net or https://jira.example.com',
      hint: `pass --base-url or set ${JIRA_ENV.baseUrl}.`,
    });
  }
  const baseUrl = parseBaseUrl(settings.baseUrl);
  const flavour = parseFlavour(settings.flavour) ?? guessFlavour(baseUrl);
  if (settings.tokenOptional) {
    return {
      baseUrl,
      flavour,
      credentials: { email: settings.email || undefined, token: settings.token ?? '' },
    };
  }
  if (!settings.token) {
    throw new TestopsError('TESTOPS_VENDOR_TOKEN_MISSING', 'no Jira token', {
      where: JIRA_ENV.token,
      expected:
        flavour === 'cloud'
          ? `${JIRA_ENV.email} (the account’s email) and ${JIRA_ENV.token} (an API token of that account)`
          : `${JIRA_ENV.token}: a personal access token`,
      hint: 'set the variable in the environment (the service reads it from the project’s secrets); it is never read from a flag.',
    });
  }
  if (flavour === 'cloud' && !settings.email) {
    throw new TestopsError(
      'TESTOPS_VENDOR_TOKEN_MISSING',
      'Jira Cloud needs the account’s email with the API token',
      {
        where: JIRA_ENV.email,
        expected: 'the email of the Atlassian account the API token belongs to',
        hint: `set ${JIRA_ENV.email}; Jira Cloud authenticates API tokens with Basic auth as email:token.`,
      },
    );
  }
  return { baseUrl, flavour, credentials: { email: settings.email || undefined, token: settings.token } };
}

export type JiraConnectionSettings = Parameters<typeof jiraConnection>[0];

/** The settings the environment gives, flags first. */
export function jiraSettingsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  overrides: { baseUrl?: string | undefined; flavour?: string | undefined; tokenOptional?: boolean } = {},
): JiraConnectionSettings {
  return {
    tokenOptional: overrides.tokenOptional ?? false,
    baseUrl: overrides.baseUrl ?? env[JIRA_ENV.baseUrl],
    flavour: overrides.flavour ?? env[JIRA_ENV.flavour],
    email: env[JIRA_ENV.email],
    token: env[JIRA_ENV.token],
  };
}

export function jiraConnectionFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  overrides: { baseUrl?: string | undefined; flavour?: string | undefined } = {},
): JiraConnection {
  return jiraConnection(jiraSettingsFromEnv(env, overrides));
}

/** The vendor client for this connection. */
export function jiraHttp(
  connection: JiraConnection,
  options: { guard: UrlGuardOptions } & Partial<Omit<VendorHttpOptions, 'dialect' | 'baseUrl' | 'token'>>,
): VendorHttp {
  return vendorHttp({
    ...options,
    dialect: jiraDialect(connection.flavour, connection.credentials),
    baseUrl: connection.baseUrl,
    token: connection.credentials.token,
  });
}

function parseBaseUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TestopsError('TESTOPS_INVALID_ARGUMENT', `"${value}" is not an http(s) URL`, {
      where: `--base-url / ${JIRA_ENV.baseUrl}`,
      expected: 'https://your-site.atlassian.net or https://jira.example.com (with its context path, if any)',
      hint: 'give the URL you open Jira at in a browser, without /browse/… or /rest/….',
    });
  }
  return url;
}

function parseFlavour(value: string | undefined): JiraFlavour | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'cloud' || value === 'server') return value;
  throw new TestopsError('TESTOPS_INVALID_ARGUMENT', `unknown Jira flavour "${value}"`, {
    where: `--flavour / ${JIRA_ENV.flavour}`,
    expected:
      '"cloud" (REST v3, Atlassian Document Format) or "server" (Server and Data Center: REST v2, wiki markup)',
    hint: 'leave it out: sites on atlassian.net are Cloud, others Server.',
  });
}
