/**
 * Kept only while `decode/error-body.ts` still imports the retryable decision from here; the
 * decision itself lives in the one classification table, {@link ./retry-decision}. Remove this
 * file once error-body takes the decision by injection from the client.
 */
export { isRetryableServiceError } from './retry-decision'
