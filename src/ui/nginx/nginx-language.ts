/**
 * nginx.conf highlighting for Monaco, which has no nginx language of its own: a small Monarch tokenizer for
 * what the studio renders — directives, location modifiers, strings, variables, numbers, comments.
 */
import { monaco } from '../editor/monaco-setup'

export const NGINX_LANGUAGE = 'nginx'

const DIRECTIVES = [
  'http', 'events', 'server', 'location', 'upstream', 'if', 'listen', 'server_name', 'proxy_pass', 'proxy_set_header',
  'set', 'return', 'rewrite', 'break', 'deny', 'allow', 'access_log', 'error_log', 'worker_processes', 'worker_connections',
  'port_in_redirect', 'absolute_redirect', 'merge_slashes', 'server_name_in_redirect', 'server_names_hash_bucket_size',
  'server_names_hash_max_size', 'pid', 'include', 'root', 'index', 'try_files',
]

let registered = false

/** Registers the language once per page. */
export function registerNginxLanguage(): void {
  if (registered) return
  registered = true
  monaco.languages.register({ id: NGINX_LANGUAGE, extensions: ['.conf'], aliases: ['nginx'] })
  monaco.languages.setLanguageConfiguration(NGINX_LANGUAGE, {
    comments: { lineComment: '#' },
    brackets: [['{', '}']],
    autoClosingPairs: [{ open: '{', close: '}' }, { open: '"', close: '"' }],
  })
  monaco.languages.setMonarchTokensProvider(NGINX_LANGUAGE, {
    directives: DIRECTIVES,
    tokenizer: {
      root: [
        [/#.*$/, 'comment'],
        [/"/, 'string', '@dstring'],
        [/'/, 'string', '@sstring'],
        [/\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/, 'variable'],
        [/(=|~\*|~|\^~)(?=\s)/, 'operator'],
        [/[{}]/, 'delimiter.bracket'],
        [/;/, 'delimiter'],
        [/https?:\/\/[^\s;"]+/, 'string'],
        [/[a-z_][a-z0-9_]*(?=[\s;])/, { cases: { '@directives': 'keyword', '@default': 'identifier' } }],
        [/\d+(\.\d+)*(:\d+)?[kmsKMS]?(?=[\s;])/, 'number'],
        [/[^\s{};#"']+/, 'identifier'],
      ],
      dstring: [
        [/[^\\"$]+/, 'string'],
        [/\$[A-Za-z_][A-Za-z0-9_]*/, 'variable'],
        [/\\./, 'string.escape'],
        [/"/, 'string', '@pop'],
      ],
      sstring: [
        [/[^\\']+/, 'string'],
        [/\\./, 'string.escape'],
        [/'/, 'string', '@pop'],
      ],
    },
  } as monaco.languages.IMonarchLanguage)
}
