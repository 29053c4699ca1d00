/** Korean translations of `../en/rollout.ts`. */
import type { ROLLOUT_MESSAGES } from '../en/rollout'
import type { KoreanOf } from '../ko-catalog'

export const ROLLOUT_MESSAGES_KO: KoreanOf<typeof ROLLOUT_MESSAGES> = {
}
