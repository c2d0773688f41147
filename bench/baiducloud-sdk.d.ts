/** The parts of `@baiducloud/sdk` 1.0.7 the benchmark uses (the package ships no typings for them). */
declare module '@baiducloud/sdk/src/auth' {
  class Auth {
    constructor(ak: string, sk: string)
    generateAuthorization(
      method: string,
      resource: string,
      params?: Record<string, string | null> | null,
      headers?: Record<string, string | number>,
      timestampSeconds?: number,
      expirationInSeconds?: number,
      headersToSign?: string[],
    ): string
  }
  export = Auth
}

declare module '@baiducloud/sdk/src/bce_base_client' {
  interface BceConfig {
    endpoint: string
    credentials: { ak: string; sk: string }
    sessionToken?: string
  }
  interface SendArgs {
    body?: string | Buffer | null
    headers?: Record<string, string | number>
    params?: Record<string, string | null>
    config?: Partial<BceConfig>
  }
  interface BceResponse {
    http_headers: Record<string, string>
    body: unknown
  }
  /** Q promise (thenable). */
  interface QPromise<T> extends PromiseLike<T> {
    catch(onRejected: (reason: unknown) => unknown): QPromise<T>
  }
  class BceBaseClient {
    constructor(config: BceConfig, serviceId: string, regionSupported?: boolean)
    sendRequest(httpMethod: string, resource: string, args?: SendArgs): QPromise<BceResponse>
  }
  export = BceBaseClient
}
