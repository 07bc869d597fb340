// How Allure TestOps says "not allowed". Its API answers Spring's error body
// ({timestamp, status, error, message, path}); a 403 means the user behind the token lacks
// write access to the project (test cases are edited with the project's "Write" permission).
import type { VendorDialect } from '../vendor-exchange.ts';

export const ALLURE_VENDOR = 'Allure TestOps';

/** Calls made with the JWT the API token was exchanged for. */
export const allureDialect: VendorDialect = {
  vendor: ALLURE_VENDOR,
  authHeaders: (jwt) => ({ authorization: `Bearer ${jwt}` }),
  explainDenial: (response) => {
    switch (response.status) {
      case 401:
        return {
          hint: 'the session token expired or was refused: run the export again; if it persists, create a new API token.',
        };
      case 404:
        return {
          hint: 'check --project (the numeric id in the project’s URL) and that the token’s user is a member of the project.',
        };
      default:
        return {
          missing:
            'the "Write" permission in the project (test cases, scenarios and tags are edited with it)',
          hint: 'ask a project owner to give the token’s user Write access (Project → Settings → Access), or use a token of a user who has it.',
        };
    }
  },
};

/** The token exchange: the API token goes in the form body, never in a header. */
export const allureTokenDialect: VendorDialect = {
  vendor: ALLURE_VENDOR,
  authHeaders: () => ({}),
  explainDenial: () => ({
    hint: 'create a new API token (Allure TestOps → your profile → API tokens) and set ALLURE_TOKEN; this one is unknown or revoked.',
  }),
};
