import type { Principal } from '../principal'
import type { EmulatorState } from '../state'
import type { WireRequest } from '../wire'

/** What a route handler gets: who is calling, decoded path parameters, the parsed JSON body, the state. */
export interface HandlerContext {
  readonly state: EmulatorState
  readonly request: WireRequest
  /** Who the request acts for, as authentication established it. */
  readonly principal: Principal
  /** Path parameters, percent-decoded. */
  readonly params: Readonly<Record<string, string>>
  /** Query parameters, percent-decoded ('' for a bare flag). */
  readonly query: ReadonlyMap<string, string>
  /** The parsed JSON body, or undefined when the body was empty. */
  readonly body: unknown
}
