/**
 * The contract drift check compares the document the API serves with the copy the suite was
 * generated from. At verification the two were fetched moments apart, so it passes by
 * construction; when it fails then, the API serves a document that changes between requests
 * (generated ids, timestamps, an order that is not stable), which says nothing about the API's
 * behaviour. Such a check is not delivered, and it is never a finding: a stale suite is the
 * user's to regenerate, not a defect of the API.
 */
export function unsettledDriftCheck(failed: { testKind: string | undefined }): string | undefined {
  return failed.testKind === 'contract'
    ? 'the API served a document whose contract differs from the one the suite was just generated from (it changes between requests), so the drift check cannot tell a changed API from a changing document'
    : undefined;
}
