/** English templates of the engine's quick-fix messages (see ../catalog.ts for the syntax): titles in the editor's light bulb menu. */
export const QUICK_FIX_MESSAGES = {
  'fix-convert-api-version': 'Convert to {{apiVersion}}',
  'fix-convert-current-version': 'Convert to the current API version',
  'fix-path-type-implementation-specific': 'Use pathType ImplementationSpecific (paths with regex characters need it)',
} as const satisfies Record<string, string>
