// The SSRF guard as the pipeline's consumers (the service) see it: they judge a target URL before
// handing it to a job, with the same rules the engine applies to what it fetches.
export { checkTargetUrl, systemResolver, type Resolver, type UrlGuardOptions } from '../sources/url-guard.ts';
