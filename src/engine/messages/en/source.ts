/**
 * English templates of the engine's source messages (see ../catalog.ts for the syntax): what the source stage says
 * about the text itself. YAML syntax errors are ours, one per error code of the `yaml` library (a few codes have
 * a more precise variant), not the library's English.
 */
export const SOURCE_MESSAGES = {
  'input-too-large': 'The input is {{size}} of UTF-8, above the {{cap}} the studio analyses (MAX_INPUT_BYTES); it was not parsed. Split it into smaller files.',
  'document-too-large': 'This document is {{size}} of UTF-8, above the {{cap}} the API server accepts in one request (MAX_DOCUMENT_BYTES); it was not parsed. The other documents were.',
  'byte-size': '{{bytes}} bytes ({{rounded}})',
  'input-binary-nul': 'This looks like a binary file (it contains a NUL byte), not YAML; it was not parsed.',
  'input-non-printable': 'Non-printable character U+{{code}}: YAML allows only printable characters; write it as an escape in a double-quoted string. It was read as a space.',
  'input-non-printable-more': 'Non-printable character U+{{code}} (and {{more}} more): YAML allows only printable characters; write it as an escape in a double-quoted string. It was read as a space.',
  'yaml-runaway-nesting': 'Nested more than {{depth}} levels deep (RUNAWAY_NESTING_DEPTH); the rest of this document was not read.',
  'yaml-nesting-cut': 'Nested more than {{depth}} levels deep (MAX_NESTING_DEPTH); this node was read as null.',

  // One per error code of the `yaml` library (source/yaml-errors.ts).
  'yaml-alias-props': 'An alias (*name) cannot have an anchor or a tag of its own.',
  'yaml-bad-alias-name': 'This anchor or alias name is empty or ends in ":", which YAML cannot read unambiguously.',
  'yaml-bad-directive': 'A YAML directive (a line starting with %) that is unknown or malformed; Kubernetes manifests need none.',
  'yaml-bad-escape': 'Invalid escape sequence in a double-quoted string: write a backslash as \\\\, or use single quotes.',
  'yaml-bad-indent': 'Bad indentation: the entries of one map or list must start at the same column, and a nested block must be indented more than its parent.',
  'yaml-bad-prop-order': 'An anchor (&) or a tag (!) must come after the "-", "?" or ":" indicator, not before it.',
  'yaml-bad-scalar-start': 'A plain value cannot start with a reserved character (such as @ or `); put the value in quotes.',
  'yaml-block-as-implicit-key': 'A second "key: value" on one line, or a nested map where a value belongs: put the nested entry on its own line, indented, or quote the value if the colon is part of it.',
  'yaml-block-in-flow': 'A block map or list inside brackets ([…] or {…}): inside brackets, separate the entries with commas.',
  'yaml-duplicate-key': 'Map keys must be unique; the API server would keep only the last value.',
  'yaml-impossible': 'The YAML parser could not make sense of the text here; check the syntax around this place.',
  'yaml-key-too-long': 'A key longer than 1024 characters; YAML allows implicit keys only up to that length.',
  'yaml-missing-char': 'A character is missing here: a closing quote or bracket, a comma between items in brackets, a space after ":" or before "#", or the ":" after a key.',
  'yaml-missing-quote': 'This quoted string is never closed: add the closing quote.',
  'yaml-missing-map-value': 'A key without a value: write "key: value", with a space after the colon.',
  'yaml-comment-needs-space': 'A comment must be separated from the text before it by a space: write " #".',
  'yaml-flow-missing-separator': 'Items in brackets must be separated by commas, and a key from its value by ": " (colon and space).',
  'yaml-flow-unclosed': 'A list or map in brackets is not closed, or its next line is not indented enough: close it with ] or } and indent continuation lines.',
  'yaml-multiline-key': 'A key must be on a single line: this line was read as the start of a key (a missing ":", or a line indented by mistake).',
  'yaml-multiple-anchors': 'A node can have at most one anchor (&).',
  'yaml-multiple-docs': 'More than one document where one was expected; separate documents with a line of ---.',
  'yaml-multiple-tags': 'A node can have at most one tag (!).',
  'yaml-non-string-key': 'A map or list used as a map key; Kubernetes manifests need text keys.',
  'yaml-resource-exhaustion': 'Expanding the YAML here would take too much (aliases or nesting); it was not read.',
  'yaml-tab-indent': 'Tabs are not allowed as indentation in YAML; indent with spaces.',
  'yaml-unknown-tag': 'A tag (a word after "!") that YAML does not know here; remove it, or quote the value.',
  'yaml-unexpected-token': 'Text YAML does not allow at this place: check the indentation, a stray bracket or quote, or a missing "-".',
  'yaml-bad-collection-type': 'The tag names a different kind of collection from the one written (a map tag on a list, or the reverse).',
  // A code the `yaml` library added after this catalog: its own English, as it is.
  'yaml-library-error': '{{text}}',
} as const satisfies Record<string, string>
