import { describe, expect, it } from 'vitest'
import { sendState } from './send-state'

describe('the Test button', () => {
  it('is blocked only by an empty URL, and says so', () => {
    expect(sendState('  ', false)).toEqual({ disabled: true, hint: 'sendNeedsUrl' })
    expect(sendState('', true)).toEqual({ disabled: true, hint: 'sendNeedsUrl' })
  })

  it('runs while a test is on its way (Enter in the URL field must send the newest request), saying one is', () => {
    expect(sendState('http://a.test/', true)).toEqual({ disabled: false, hint: 'sendPending' })
    expect(sendState('http://a.test/', false)).toEqual({ disabled: false, hint: null })
  })
})
