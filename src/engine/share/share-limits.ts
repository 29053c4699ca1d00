/**
 * Size limits of share links and scenario files. A link is untrusted input: every cap is checked before the
 * next, more expensive step runs (length before base64, compressed size before inflating, inflated size while
 * inflating, header size before JSON.parse), so a hostile link costs milliseconds and a bounded amount of memory.
 */
export const SHARE_LIMITS = {
  /** Largest compressed payload a link may carry (32 KiB); the link is refused before decoding above it. */
  maxCompressedBytes: 32 * 1024,
  /** Largest inflated payload (1 MiB); inflating stops as soon as the output passes it. */
  maxInflatedBytes: 1024 * 1024,
  /** Largest settings header of a payload (everything but the manifest text), in UTF-16 code units. */
  maxHeaderChars: 64 * 1024,
  /** Most tested requests a scenario carries. */
  maxRequests: 100,
  /** Longest URL, header value, cookie value or name in a tested request. */
  maxRequestFieldChars: 4096,
  /** Most headers or cookies per tested request. */
  maxRequestEntries: 50,
  /** Longest scenario title. */
  maxTitleChars: 200,
  /** Longest identifier (view, preset, deployment name). */
  maxIdChars: 253,
} as const

/**
 * Links longer than this get a warning in the share dialog: chat tools and some mail clients cut or refuse
 * longer links (Discord's message limit is 2,000 characters).
 */
export const SHARE_LINK_WARN_CHARS = 2000

/** The seed scenario's link must stay within this budget (a share test checks it). */
export const SHARE_LINK_BUDGET_CHARS = 1500
