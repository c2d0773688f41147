/**
 * Test helpers: `import { bceMatchers } from 'bce-iam/jest'`, then `expect.extend(bceMatchers)`.
 * Importing this entry also types the matchers on jest's global `expect` (`@types/jest`); it
 * loads nothing from jest or vitest at run time.
 *
 * @packageDocumentation
 */
import type { BceResultMatchers } from './jest-matchers'

export { bceMatchers } from './jest-matchers'
export type {
  BceErrorKind,
  Answer,
  Thenable,
  BceResultMatchers,
  MatcherAnswer,
  MatcherContextLike,
  MatcherOutcome,
} from './jest-matchers'

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- augments jest's global namespace (@types/jest)
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- must repeat @types/jest's default
    interface Matchers<R, T = {}> extends BceResultMatchers<R, T> {}
  }
}
