/**
 * What a command may touch of the outside world, passed in so that commands stay testable and
 * `main.ts` stays thin.
 */
export interface CliIo {
  /** Writes to standard output. */
  readonly out: (text: string) => void
  /** Writes to standard error. */
  readonly err: (text: string) => void
  /** Whether standard output is a terminal (colour, confirmation prompts). */
  readonly isTty: boolean
  /** Whether standard input is a terminal (a confirmation can be asked). */
  readonly stdinIsTty: boolean
  /** Asks a yes/no question on the terminal; resolves to the answer. */
  readonly confirm: (question: string) => Promise<boolean>
  /** The environment (endpoint, credentials). */
  readonly env: Readonly<Record<string, string | undefined>>
}
