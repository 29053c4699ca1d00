/**
 * Dotted keys (`param.rps.label`) in i18next resources, which nest one object per dot: shared by the text
 * tables built from engine data (rules, rollout parameters) and their completeness checks.
 */

/** The value at `key`, or undefined where the path breaks off. */
export function readResourcePath(resource: unknown, key: string): unknown {
  let node = resource
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return node
}

/** Sets `key` to `value`, creating the objects on the way. */
export function writeResourcePath(target: Record<string, unknown>, key: string, value: string): void {
  const parts = key.split('.')
  let node = target
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>
  node[parts[parts.length - 1] as string] = value
}

/** The keys `resource` has no text for; an empty or blank string counts as none. */
export function listMissingTexts(resource: unknown, keys: readonly string[]): string[] {
  return keys.filter((key) => {
    const value = readResourcePath(resource, key)
    return typeof value !== 'string' || value.trim() === ''
  })
}
