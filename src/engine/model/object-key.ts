/**
 * `namespace/name`: how the studio names one object of a kind where the kind is known (the rollout picks a
 * Deployment by it, the route graph's nodes carry it). Built here only, so no consumer needs to parse one.
 */
export function objectKey(namespace: string, name: string): string {
  return `${namespace}/${name}`
}
