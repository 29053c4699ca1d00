/**
 * Names the conversion writes: listener SectionNames and HTTPRoute names, derived from the host so the same input
 * always gives the same names (docs/migration.md#conversion). A SectionName and an object name are both DNS
 * subdomains of at most 253 characters (gateway-api apis/v1/shared_types.go `SectionName`; metav1 ObjectMeta).
 */

const MAX_NAME = 253

/** A host as a name part: `*.example.com` → `wildcard.example.com`, no host → `catch-all`. */
export function hostPart(host: string): string {
  if (host === '') return 'catch-all'
  return host.replace(/^\*\./, 'wildcard.')
}

/**
 * `text` made a DNS subdomain: lower case, characters outside `[a-z0-9.-]` become `-`, every label starts and ends
 * with an alphanumeric character, at most 253 characters.
 */
export function dnsName(text: string): string {
  const labels = text
    .toLowerCase()
    .replace(/[^a-z0-9.-]/g, '-')
    .split('.')
    .map((label) => label.replace(/^-+|-+$/g, ''))
    .filter((label) => label !== '')
  const joined = (labels.join('.') || 'x').slice(0, MAX_NAME)
  return joined.replace(/[-.]+$/, '') || 'x'
}

/** Hands out names unique within one scope (a namespace's routes, a Gateway's listeners): `name`, `name-2`, … */
export class NameScope {
  private readonly taken = new Set<string>()

  /** `wanted` (a DNS subdomain) if free, else the first free `wanted-N`. */
  claim(wanted: string): string {
    let name = wanted
    for (let n = 2; this.taken.has(name); n++) {
      const suffix = `-${n}`
      name = dnsName(wanted.slice(0, MAX_NAME - suffix.length)) + suffix
    }
    this.taken.add(name)
    return name
  }
}

/** The name of the HTTPS listener for `host` (`https-foo.example.com`, `https-wildcard.example.com`). */
export function listenerNameFor(host: string): string {
  return dnsName(`https-${hostPart(host)}`)
}

/** The HTTPRoute of one Ingress and host: the Ingress's name when it has one host, else `<ingress>-<host>`. */
export function routeNameFor(ingress: string, host: string, hostCount: number): string {
  return hostCount <= 1 ? ingress : dnsName(`${ingress}-${hostPart(host)}`)
}
