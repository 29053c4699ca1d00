/**
 * `closestName` for many lookups among many names: the candidates go into a trie once, and each lookup walks only
 * the branches whose prefix is still within edit distance 2 of the name (one row of the Levenshtein table per trie
 * node). Asking every candidate for every missing Service was quadratic: 4,000 Ingresses naming missing Services
 * among 4,000 Services took over two minutes.
 */

interface TrieNode {
  readonly children: Map<string, TrieNode>
  /** Position of the first candidate ending here, -1 when none does. */
  first: number
}

export interface NameIndex {
  /** The same answer as `closestName(name, candidates)`: the nearest within 2 edits (and half the name), first on a tie. */
  closest(name: string): string | null
}

export function buildNameIndex(candidates: readonly string[]): NameIndex {
  const root: TrieNode = { children: new Map(), first: -1 }
  candidates.forEach((candidate, position) => {
    let node = root
    for (const unit of unitsOf(candidate)) {
      let child = node.children.get(unit)
      if (!child) {
        child = { children: new Map(), first: -1 }
        node.children.set(unit, child)
      }
      node = child
    }
    if (node.first === -1) node.first = position
  })
  return {
    closest(name) {
      const bound = Math.min(2, Math.floor(name.length / 2))
      if (bound === 0) return null
      let best = { distance: Infinity, position: Infinity }
      const firstRow = Array.from({ length: name.length + 1 }, (_, j) => j)
      const walk = (node: TrieNode, unit: string, previous: readonly number[]): void => {
        const row = [(previous[0] as number) + 1]
        let smallest = row[0] as number
        for (let j = 1; j <= name.length; j++) {
          const cost = name[j - 1] === unit ? 0 : 1
          const value = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost)
          row.push(value)
          if (value < smallest) smallest = value
        }
        const distance = row[name.length] as number
        if (node.first !== -1 && distance > 0 && distance <= bound && (distance < best.distance || (distance === best.distance && node.first < best.position))) {
          best = { distance, position: node.first }
        }
        if (smallest > bound) return // every longer name only moves further away
        for (const [next, child] of node.children) walk(child, next, row)
      }
      for (const [unit, child] of root.children) walk(child, unit, firstRow)
      return best.position === Infinity ? null : (candidates[best.position] as string)
    },
  }
}

/** UTF-16 code units, as `closestName` compares them. */
function unitsOf(text: string): string[] {
  const units: string[] = []
  for (let i = 0; i < text.length; i++) units.push(text[i] as string)
  return units
}
