/** Korean translations of `../en/graph.ts`. */
import type { GRAPH_MESSAGES } from '../en/graph'
import type { KoreanOf } from '../ko-catalog'

export const GRAPH_MESSAGES_KO: KoreanOf<typeof GRAPH_MESSAGES> = {
}
