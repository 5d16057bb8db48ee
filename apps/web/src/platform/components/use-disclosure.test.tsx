import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { useDisclosure } from './use-disclosure'

const Menu = () => {
  const { open, setOpen, rootRef, buttonRef } = useDisclosure()
  return (
    <>
      <div ref={rootRef}>
        <button ref={buttonRef} type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          Menú
        </button>
        {open && <button type="button">Dentro</button>}
      </div>
      <button type="button">Fuera</button>
    </>
  )
}

describe('useDisclosure', () => {
  it('stays open for a press inside, closes on a press outside', async () => {
    const user = userEvent.setup()
    render(<Menu />)
    const toggle = screen.getByRole('button', { name: 'Menú' })
    await user.click(toggle)
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    await user.click(screen.getByRole('button', { name: 'Dentro' }))
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    await user.click(screen.getByRole('button', { name: 'Fuera' }))
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    expect(screen.queryByRole('button', { name: 'Dentro' })).toBeNull()
  })

  it('closes on Escape and gives the focus back to its button', async () => {
    const user = userEvent.setup()
    render(<Menu />)
    const toggle = screen.getByRole('button', { name: 'Menú' })
    await user.click(toggle)
    screen.getByRole('button', { name: 'Dentro' }).focus()
    await user.keyboard('{Escape}')
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(toggle)
  })
})
