import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ZRentalClientInput, type TRentalClient } from '@faena/contracts'
import { Button, FormField, Icon, useToast } from '../../platform/components'
import { fromText } from '../../platform/components/record-form'
import { useCan } from '../../platform/session'
import { useZodForm } from '../../platform/validation'
import { useDeleteClient, useSaveClient } from './api'
import { RecordDialog, useErrorLine } from './record-dialog'
import { orNull } from './ui'

const ZContactRow = z.object({ name: z.string(), position: z.string(), phone: z.string(), email: z.string() })
type ContactRow = z.infer<typeof ZContactRow>
const blankContact: ContactRow = { name: '', position: '', phone: '', email: '' }

const ZContacts = ZRentalClientInput.shape.contacts.unwrap()
const contactsOut = ZContacts as unknown as z.ZodType<
  z.output<typeof ZContacts>,
  { name: string; position: string | null; phone: string | null; email: string | null }[]
>

/** The client's form: the contract's fields typed as text (blank → null); a contact without a name is left out. */
export const ZClientForm = ZRentalClientInput.extend({
  email: fromText(ZRentalClientInput.shape.email, null),
  phone: fromText(ZRentalClientInput.shape.phone, null),
  address: fromText(ZRentalClientInput.shape.address, null),
  notes: fromText(ZRentalClientInput.shape.notes, null),
  contacts: z
    .array(ZContactRow)
    .transform((rows) =>
      rows
        .filter((c) => c.name.trim() !== '')
        .map((c) => ({
          name: c.name,
          position: orNull(c.position),
          phone: orNull(c.phone),
          email: orNull(c.email),
        })),
    )
    .pipe(contactsOut),
})

const initialOf = (c: TRentalClient | null): z.input<typeof ZClientForm> => ({
  name: c?.name ?? '',
  taxId: c?.taxId ?? '',
  email: c?.email ?? '',
  phone: c?.phone ?? '',
  address: c?.address ?? '',
  notes: c?.notes ?? '',
  contacts: (c?.contacts ?? []).map((x) => ({
    name: x.name,
    position: x.position ?? '',
    phone: x.phone ?? '',
    email: x.email ?? '',
  })),
})

/** Create or edit a client: RUC checked in the browser (13 digits) and by the server (check digit); delete from here. */
export const ClientDialog = ({ client, onClose }: { client: TRentalClient | null; onClose: () => void }) => {
  const { t } = useTranslation(['rental-projects', 'platform'])
  const toast = useToast()
  const can = useCan()
  const save = useSaveClient()
  const remove = useDeleteClient()
  const errorLine = useErrorLine()
  const form = useZodForm(ZClientForm, initialOf(client))
  const [formError, setFormError] = useState<string | null>(null)
  const contacts = form.values.contacts
  const setContact = (i: number, k: keyof ContactRow, v: string) =>
    form.set(
      'contacts',
      contacts.map((c, j) => (j === i ? { ...c, [k]: v } : c)),
    )

  const submit = form.submit((body) => {
    setFormError(null)
    save.mutate(
      { ...(client ? { id: client.id } : {}), body },
      {
        onSuccess: (c) => {
          toast.success(client ? t('clients.saved') : t('clients.created', { name: c.name }))
          onClose()
        },
        onError: (e) => {
          if (!form.applyServerError(e)) setFormError(errorLine(e))
        },
      },
    )
  })

  return (
    <RecordDialog
      size="lg"
      title={client ? t('clients.editTitle', { name: client.name }) : t('clients.newTitle')}
      isNew={!client}
      saving={save.isPending}
      dirty={form.isDirty}
      error={formError}
      onClose={onClose}
      onSubmit={submit}
      remove={
        client && can('rental.manage')
          ? {
              title: t('clients.deleteTitle', { name: client.name }),
              body: <p>{t('clients.deleteBody')}</p>,
              busy: remove.isPending,
              run: (back) =>
                remove.mutate(client.id, {
                  onSuccess: () => {
                    toast.success(t('clients.deleted'))
                    onClose()
                  },
                  onError: (e) => {
                    back()
                    setFormError(errorLine(e))
                  },
                }),
            }
          : undefined
      }
    >
      <FormField label={t('clients.fields.name')} error={form.errors.name} required className="rp-wide">
        {(p) => <input {...p} className="input" {...form.register('name')} autoComplete="organization" />}
      </FormField>
      <FormField
        label={t('clients.fields.taxId')}
        error={form.errors.taxId}
        hint={t('clients.fields.taxIdHint')}
        required
      >
        {(p) => (
          <input
            {...p}
            className="input mono"
            inputMode="numeric"
            maxLength={13}
            value={form.values.taxId}
            onChange={(e) => form.set('taxId', e.target.value.replace(/\D/g, ''))}
            data-testid="client-tax-id"
          />
        )}
      </FormField>
      <FormField label={t('clients.fields.email')} error={form.errors.email}>
        {(p) => <input {...p} className="input" type="email" {...form.register('email')} />}
      </FormField>
      <FormField label={t('clients.fields.phone')} error={form.errors.phone}>
        {(p) => <input {...p} className="input" type="tel" {...form.register('phone')} />}
      </FormField>
      <FormField label={t('clients.fields.address')} error={form.errors.address}>
        {(p) => <input {...p} className="input" {...form.register('address')} />}
      </FormField>
      <fieldset className="rp-wide rp-contacts">
        <legend className="field__label">{t('clients.fields.contacts')}</legend>
        {contacts.map((c, i) => (
          <div className="rp-contact" key={i}>
            <FormField label={t('clients.fields.contactName')} error={form.errors[`contacts.${i}.name`]}>
              {(p) => (
                <input
                  {...p}
                  className="input"
                  value={c.name}
                  onChange={(e) => setContact(i, 'name', e.target.value)}
                />
              )}
            </FormField>
            <FormField label={t('clients.fields.contactPosition')}>
              {(p) => (
                <input
                  {...p}
                  className="input"
                  value={c.position}
                  onChange={(e) => setContact(i, 'position', e.target.value)}
                />
              )}
            </FormField>
            <FormField label={t('clients.fields.contactPhone')}>
              {(p) => (
                <input
                  {...p}
                  className="input"
                  type="tel"
                  value={c.phone}
                  onChange={(e) => setContact(i, 'phone', e.target.value)}
                />
              )}
            </FormField>
            <FormField label={t('clients.fields.contactEmail')} error={form.errors[`contacts.${i}.email`]}>
              {(p) => (
                <input
                  {...p}
                  className="input"
                  type="email"
                  value={c.email}
                  onChange={(e) => setContact(i, 'email', e.target.value)}
                />
              )}
            </FormField>
            <Button
              variant="ghost"
              size="sm"
              aria-label={t('clients.removeContact', { n: i + 1 })}
              onClick={() =>
                form.set(
                  'contacts',
                  contacts.filter((_, j) => j !== i),
                )
              }
            >
              <Icon name="close" />
            </Button>
          </div>
        ))}
        <div>
          <Button
            size="sm"
            icon={<Icon name="plus" />}
            onClick={() => form.set('contacts', [...contacts, blankContact])}
            disabled={contacts.length >= 20}
          >
            {t('clients.addContact')}
          </Button>
        </div>
      </fieldset>
      <FormField label={t('clients.fields.notes')} error={form.errors.notes} className="rp-wide">
        {(p) => <textarea {...p} className="input textarea" rows={2} {...form.register('notes')} />}
      </FormField>
    </RecordDialog>
  )
}
