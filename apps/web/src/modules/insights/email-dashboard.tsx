import { useState } from 'react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ZOffshoreDashboardEmail, type TDashboardEmailed } from '@faena/contracts'
import { apiPost } from '../../platform/api'
import { Button, Dialog, FormField, Icon, useToast } from '../../platform/components'
import { ServerFormError } from '../../platform/components/record-form'
import { useCan } from '../../platform/session'
import { useZodForm } from '../../platform/validation'

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

const splitAddresses = (text: string) =>
  text
    .split(/[\n,;]+/)
    .map((a) => a.trim())
    .filter(Boolean)

/** The addresses typed one a line or with commas, read into the contract's recipients (the same for both lines). */
const emailSchema = (m: { required: string; tooMany: string }) =>
  z.object({
    to: z
      .string()
      .transform(splitAddresses)
      .pipe(z.array(z.string()).min(1, m.required).max(20, m.tooMany))
      .pipe(ZOffshoreDashboardEmail.shape.to),
  })

export const EmailDialog = ({
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
  const form = useZodForm(emailSchema({ required: t('email.required'), tooMany: t('email.tooMany') }), {
    to: '',
  })
  const send = useMutation({
    mutationFn: (to: string[]) => apiPost<TDashboardEmailed>(`/api/v1/insights/${line}/email`, { to, query }),
  })
  // an address the contract (or the server) refuses is named in the message
  const badKey = Object.keys(form.errors).find((k) => k.startsWith('to.'))
  const bad = badKey ? splitAddresses(form.values.to)[Number(badKey.slice(3))] : undefined
  const error = form.errors.to ?? (badKey ? t('email.invalid', { bad: bad ?? '' }) : undefined)
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('email.title')}
      onSubmit={form.submit((data) =>
        send.mutate(data.to, {
          onSuccess: (r) => {
            toast.success(t('email.sent', { count: r.recipients.length }))
            onClose()
          },
          onError: form.applyServerError,
        }),
      )}
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
      <ServerFormError error={send.error} errors={form.errors} />
      <FormField label={t('email.to')} hint={t('email.hint')} error={error} required>
        {(p) => <textarea {...p} className="input" rows={3} {...form.register('to')} />}
      </FormField>
    </Dialog>
  )
}
