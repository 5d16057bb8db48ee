// Setup of the vitest `web` project: unmount what each test rendered (vitest runs without globals).
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

afterEach(() => {
  cleanup()
})

// jsdom has <dialog> but not its modal methods: open/close it as the browser would (without the top layer).
const dialogProto = HTMLDialogElement.prototype as HTMLDialogElement & Record<string, unknown>
if (typeof dialogProto.showModal !== 'function' || !('__faenaPolyfill' in dialogProto)) {
  dialogProto.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  dialogProto.show = function (this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  dialogProto.close = function (this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return
    this.removeAttribute('open')
    this.dispatchEvent(new Event('close'))
  }
  dialogProto.__faenaPolyfill = true
}
