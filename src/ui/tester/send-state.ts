/**
 * Whether the tester's Test button can run and what the hint beside it says. Only an empty URL blocks it: a test on
 * its way is said but never blocks a new one (the newest request wins, older answers are dropped), because a
 * disabled submit button also swallows Enter in the URL field, and the request typed last would be lost.
 */
export type SendHint = 'sendNeedsUrl' | 'sendPending'

export function sendState(url: string, pending: boolean): { readonly disabled: boolean; readonly hint: SendHint | null } {
  if (url.trim() === '') return { disabled: true, hint: 'sendNeedsUrl' }
  return { disabled: false, hint: pending ? 'sendPending' : null }
}
