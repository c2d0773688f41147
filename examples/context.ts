/** What every example receives: where the (emulated) service is and how to report progress. */
export interface ExampleContext {
  /** IAM endpoint, e.g. the embedded emulator's `http://127.0.0.1:PORT`. */
  readonly endpoint: string
  /** STS endpoint. */
  readonly stsEndpoint: string
  /** The account id (what a role's trust policy names). */
  readonly accountId: string
  /** Root credentials of the account. */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string }
  /** Prints one line of the example's trace. */
  readonly log: (line: string) => void
}

/** An example: resolves to true when every step behaved as the example expects. */
export type Example = (context: ExampleContext) => Promise<boolean>
