/** Component tests only: the calls that change something, and the message under a field. */
export const sent = <C extends { method: string }>(calls: C[]) => calls.filter((c) => c.method !== 'GET')

/** The message under a field (FormField links it through aria-describedby). */
export const errorOf = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((x) => document.getElementById(x))
    .find((el) => el?.className.includes('field__error'))?.textContent
