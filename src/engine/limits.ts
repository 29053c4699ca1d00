/**
 * Every size and count limit of the engine, in one place, so the UI can show them and nobody hunts for magic
 * numbers. Each limit turns runaway input into a named diagnostic instead of a frozen tab or a stack overflow.
 */

/**
 * Largest file the engine analyses, in UTF-16 code units (about bytes for ASCII manifests). Above it the file
 * gets one `input-too-large` diagnostic and is not parsed: parsing 5 MB takes about a second in a browser
 * worker, and nobody edits a larger manifest by hand.
 */
export const MAX_INPUT_CHARS = 5 * 1024 * 1024

/**
 * Most alias dereferences (`*name`) the model stage follows in one YAML document. Kubernetes manifests rarely
 * use anchors at all; the cap stops "billion laughs" inputs from expanding exponentially.
 */
export const MAX_ALIAS_COUNT = 100

/**
 * Deepest nesting of collections (maps and sequences) in a document. Kubernetes objects nest about 15 levels;
 * the `yaml` composer recurses per level and overflows the stack somewhere near 800, so deeper nodes are cut
 * off (replaced by null) with a `yaml-too-deep` diagnostic before they are composed.
 */
export const MAX_NESTING_DEPTH = 128

/**
 * Nesting depth at which a cheap scan of the text, before parsing, declares it runaway and leaves the rest of the
 * document unread. The `yaml` parser slows down sharply on very deep input (4 MB of `[` takes half a minute), so
 * such input must not reach it; anything between `MAX_NESTING_DEPTH` and this is cut exactly after parsing.
 */
export const RUNAWAY_NESTING_DEPTH = 4 * MAX_NESTING_DEPTH

/** Most diagnostics kept per file; one more `info` says how many were left out. Keeps a pasted binary usable. */
export const MAX_DIAGNOSTICS_PER_FILE = 1000
