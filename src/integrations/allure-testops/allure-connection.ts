import { TestopsError } from '../../core/errors.ts';
import type { UrlGuardOptions } from '../../sources/url-guard.ts';
import { type VendorHttp, type VendorHttpOptions, vendorHttp } from '../vendor-http.ts';
import { allureDialect, allureTokenDialect } from './allure-dialect.ts';
import { exchangeApiToken } from './allure-token.ts';

/** Where and as whom we talk to Allure TestOps. */
export interface AllureConnection {
  endpoint: URL;
  apiToken: string;
  projectId: number;
}

/** The environment variables the CLI reads: the names allurectl reads too. */
export const ALLURE_ENV = {
  endpoint: 'ALLURE_ENDPOINT',
  token: 'ALLURE_TOKEN',
  projectId: 'ALLURE_PROJECT_ID',
} as const;

export function allureConnection(settings: {
  endpoint: string | undefined;
  apiToken: string | undefined;
  projectId: string | number | undefined;
  /** A dry run sends nothing, so it needs no token. */
  tokenOptional?: boolean;
}): AllureConnection {
  const endpoint = parseEndpoint(settings.endpoint);
  const projectId = Number(settings.projectId);
  if (!Number.isSafeInteger(projectId) || projectId < 1) {
    throw new TestopsError(
      'TESTOPS_INVALID_ARGUMENT',
      `the Allure TestOps project id "${settings.projectId ?? ''}" is not a number`,
      {
        where: `--project / ${ALLURE_ENV.projectId}`,
        expected: 'the numeric project id, as in https://allure.example.com/project/42',
        hint: `pass --project <id> or set ${ALLURE_ENV.projectId}.`,
      },
    );
  }
  if (settings.tokenOptional) return { endpoint, apiToken: settings.apiToken ?? '', projectId };
  if (!settings.apiToken) {
    throw new TestopsError('TESTOPS_VENDOR_TOKEN_MISSING', 'no Allure TestOps API token', {
      where: ALLURE_ENV.token,
      expected: 'an API token (Allure TestOps → your profile → API tokens)',
      hint: `set ${ALLURE_ENV.token} in the environment (the service reads it from the project’s secrets); it is never read from a flag.`,
    });
  }
  return { endpoint, apiToken: settings.apiToken, projectId };
}

type ClientOptions = { guard: UrlGuardOptions } & Partial<
  Omit<VendorHttpOptions, 'dialect' | 'baseUrl' | 'token'>
>;

/** Exchanges the API token for a JWT and returns the client that calls the API with it. */
export async function allureHttp(connection: AllureConnection, options: ClientOptions): Promise<VendorHttp> {
  const exchange = vendorHttp({
    ...options,
    dialect: allureTokenDialect,
    baseUrl: connection.endpoint,
    token: connection.apiToken,
  });
  const jwt = await exchangeApiToken(exchange, connection.apiToken);
  return vendorHttp({ ...options, dialect: allureDialect, baseUrl: connection.endpoint, token: jwt });
}

function parseEndpoint(value: string | undefined): URL {
  let url: URL | undefined;
  try {
    url = value ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new TestopsError(
      'TESTOPS_INVALID_ARGUMENT',
      value ? `"${value}" is not an http(s) URL` : 'no Allure TestOps endpoint',
      {
        where: `--endpoint / ${ALLURE_ENV.endpoint}`,
        expected: 'the URL of the Allure TestOps instance: https://allure.example.com',
        hint: `pass --endpoint or set ${ALLURE_ENV.endpoint} (allurectl reads the same variable).`,
      },
    );
  }
  return url;
}
