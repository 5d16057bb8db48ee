import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { TProposalWarning } from '@faena/contracts'
import { ApiError } from '../../platform/api'
import { ES_MX, renderInApp, setupI18n } from '../../test/render'
import { proposalKeys } from './api'
import { serverFieldErrors } from './proposal-form'
import { SaveWarnings } from './save-warnings'

const ID = '00000000-0000-4000-8000-0000000000aa'
const warning = (n: number, officialNumber: string): TProposalWarning => ({
  code: 'DUPLICATE_OFFICIAL_NUMBER',
  field: 'officialNumber',
  message: `Otra PTE tiene el mismo número oficial: ${officialNumber}`,
  proposalId: `00000000-0000-4000-8000-00000000000${n}`,
  officialNumber,
})

/** The notice of the detail page, fed as the create/edit mutations feed it (the query cache). */
const showWarnings = async (warnings: TProposalWarning[]) => {
  const app = await renderInApp(<SaveWarnings id={ID} />, { org: ES_MX })
  expect(screen.queryByTestId('proposal-save-warning')).toBeNull()
  act(() => {
    app.queryClient.setQueryData(proposalKeys.saveWarnings(ID), warnings)
  })
  return { ...app, notice: await screen.findByTestId('proposal-save-warning') }
}

describe('duplicate official number warning (docs/proposals.md#official-numbers)', () => {
  it('says so in Spanish with a link to the other PTE, until dismissed', async () => {
    await setupI18n('es', ['proposals'])
    const { notice } = await showWarnings([warning(1, 'BME-3801-015-2026')])
    expect(notice.textContent).toContain('Guardada, pero el número oficial se repite')
    expect(notice.textContent).toContain('Otra PTE de la organización tiene el mismo número oficial:')
    const link = screen.getByRole('link', { name: 'Abrir la PTE BME-3801-015-2026' })
    expect(link.getAttribute('href')).toBe(`/proposals/${warning(1, '').proposalId}`)
    fireEvent.click(screen.getByRole('button', { name: 'Entendido' }))
    await waitFor(() => expect(screen.queryByTestId('proposal-save-warning')).toBeNull())
  })

  it('in English, naming every other PTE', async () => {
    await setupI18n('en', ['proposals'])
    const { notice } = await showWarnings([warning(1, 'BME-1'), warning(2, 'bme-1')])
    expect(notice.textContent).toContain('Saved, but the official number is repeated')
    expect(notice.textContent).toContain('2 other PTEs of the organization have the same official number:')
    expect(screen.getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Open PTE BME-1',
      'Open PTE bme-1',
    ])
  })

  it('shows nothing without warnings', async () => {
    await setupI18n('es', ['proposals'])
    await renderInApp(<SaveWarnings id={ID} />, { org: ES_MX })
    expect(screen.queryByTestId('proposal-save-warning')).toBeNull()
  })

  it('puts the refusal of an organization with unique numbers under the field, in the user language', async () => {
    const refused = new ApiError({
      code: 'CONFLICT',
      status: 409,
      message: 'El número oficial ya lo tiene la PTE BME-1; en esta organización no se repite',
      details: [
        {
          path: 'officialNumber',
          message: 'El número oficial ya lo tiene la PTE BME-1; en esta organización no se repite',
          code: 'DUPLICATE_OFFICIAL_NUMBER',
          officialNumber: 'BME-1',
        } as never,
      ],
    })
    await setupI18n('en', ['proposals'])
    expect(serverFieldErrors(refused).officialNumber).toBe(
      'PTE BME-1 already has this official number; this organization does not allow repeated official numbers',
    )
    await setupI18n('es', ['proposals'])
    expect(serverFieldErrors(refused).officialNumber).toBe(
      'El número oficial ya lo tiene la PTE BME-1; en esta organización los números oficiales no se repiten',
    )
  })
})
