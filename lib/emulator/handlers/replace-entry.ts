/**
 * Replaces the entry stored under `previousKey` with `value` under `key`, keeping its place in
 * the map's order (so a renamed entity does not jump to the end of list answers).
 */
export function replaceEntry<V>(map: Map<string, V>, previousKey: string, key: string, value: V): void {
  if (previousKey === key) {
    map.set(key, value)
    return
  }
  const entries = [...map.entries()].map(([k, v]): [string, V] => (k === previousKey ? [key, value] : [k, v]))
  map.clear()
  for (const [k, v] of entries) map.set(k, v)
}
