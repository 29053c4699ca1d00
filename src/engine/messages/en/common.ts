/** English templates of the messages every stage shares (see ../catalog.ts for the syntax). */
export const COMMON_MESSAGES = {
  'diagnostics-truncated_one': '{{count}} more diagnostic in this file was left out (the limit is {{cap}} per file).',
  'diagnostics-truncated_other': '{{count}} more diagnostics in this file were left out (the limit is {{cap}} per file).',
} as const satisfies Record<string, string>
