/** A stored group. Members and attached policies are edges, keyed by `id`. */
export interface GroupRecord {
  readonly id: string
  readonly name: string
  readonly description: string
  readonly createTime: string
}
