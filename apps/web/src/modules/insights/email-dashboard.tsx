import { useState } from 'react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { TDashboardEmailed } from '@faena/contracts'
import { apiPost } from '../../platform/api'
import { Button, Dialog, FormError, FormField, Icon, useToast } from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useCan } from '../../platform/session'

/**
 * "Enviar por correo": the dashboard as filtered, as a workbook and a PDF with its charts, to typed addresses
 * (docs/insights.md#e-mailing-a-dashboard). Shown to those who may send e-mail.
 */
export const EmailDashboardButton = ({ line, query }: { line: 'offshore' | 'rental'; query: object }) => {
  const { t } = useTranslation('insights')
  const can = useCan()
  const [open, setOpen] = useState(false)
  if (!can('mail.send')) return null
  return (
    <>
      <Button icon={<Icon name="mail" />} onClick={() => setOpen(true)}>
        {t('email.button')}
      </Button>
      {open ? <EmailDialog line={line} query={query} onClose={() => setOpen(false)} /> : null}
    </>
  )
}

const EmailDialog = ({
  line,
  query,
  onClose,
}: {
  line: 'offshore' | 'rental'
  query: object
  onClose: () => void
}) => {
  const { t } = useTranslation(['insights', 'platform'])
  const toast = useToast()
  const [text, setText] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [formError, setFormError] = useState<string | null>(null)
  const send = useMutation({
    mutationFn: (to: string[]) => apiPost<TDashboardEmailed>(`/api/v1/insights/${line}/email`, { to, query }),
  })
  const submit = () => {
    const to = text
      .split(/[\n,;]+/)
      .map((a) => a.trim())
      .filter(Boolean)
    const bad = to.find((a) => !z.email().safeParse(a).success)
    if (to.length === 0) return setError(t('email.required'))
    if (bad) return setError(t('email.invalid', { bad }))
    if (to.length > 20) return setError(t('email.tooMany'))
    setError(undefined)
    setFormError(null)
    send.mutate(to, {
      onSuccess: (r) => {
        toast.success(t('email.sent', { count: r.recipients.length }))
        onClose()
      },
      onError: (e) => setFormError(errorMessage(e)),
    })
  }
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('email.title')}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose} disabled={send.isPending}>
            {t('platform:actions.cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={send.isPending}>
            {t('email.send')}
          </Button>
        </>
      }
    >
      <p>{t('email.what')}</p>
      <FormError>{formError}</FormError>
      <FormField label={t('email.to')} hint={t('email.hint')} error={error} required>
        {(p) => (
          <textarea
            {...p}
            className="input"
            rows={3}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </FormField>
    </Dialog>
  )
}
