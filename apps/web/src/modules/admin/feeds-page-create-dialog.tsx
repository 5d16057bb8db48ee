/** A new BI token (docs/feeds.md): its name and the datasets it may read. */
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ZApiTokenCreate, type TApiTokenCreated } from '@faena/contracts'
import { Button, Dialog, FormField } from '../../platform/components'
import { ServerFormError } from '../../platform/components/record-form'
import { useZodForm } from '../../platform/validation'
import { feedDatasetsQuery, useCreateApiToken } from './feeds-api'

const { shape } = ZApiTokenCreate
/** The contract's request; a blank name and no dataset read the page's own messages. */
const createSchema = (m: { name: string; datasets: string }) =>
  ZApiTokenCreate.extend({
    name: z.string().trim().min(1, m.name).pipe(shape.name),
    datasets: z.array(z.string()).min(1, m.datasets).pipe(shape.datasets),
  })

export const CreateTokenDialog = ({
  datasetName,
  onClose,
  onCreated,
}: {
  datasetName: (d: string) => string
  onClose: () => void
  onCreated: (c: TApiTokenCreated) => void
}) => {
  const { t } = useTranslation(['admin', 'platform'])
  const datasets = useQuery(feedDatasetsQuery())
  const create = useCreateApiToken()
  const form = useZodForm(
    createSchema({ name: t('feeds.nameRequired'), datasets: t('feeds.pickDatasets') }),
    { name: '', datasets: [] },
  )
  const picked = form.values.datasets
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('feeds.newToken')}
      onSubmit={form.submit((data) =>
        create.mutate(data, { onSuccess: onCreated, onError: form.applyServerError }),
      )}
      footer={
        <>
          <Button onClick={onClose} disabled={create.isPending}>
            {t('platform:actions.cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={create.isPending}>
            {t('feeds.create')}
          </Button>
        </>
      }
    >
      <ServerFormError error={create.error} errors={form.errors} />
      <FormField label={t('feeds.name')} hint={t('feeds.nameHint')} error={form.errors.name} required>
        {(p) => <input {...p} className="input" autoComplete="off" {...form.register('name')} />}
      </FormField>
      <fieldset className="feeds__datasets" aria-invalid={form.errors.datasets ? true : undefined}>
        <legend className="field__label">{t('feeds.datasets')}</legend>
        {(datasets.data?.items ?? []).map((d) => (
          <label key={d.name} className="feeds__dataset">
            <input
              type="checkbox"
              checked={picked.includes(d.name)}
              onChange={(e) =>
                form.set(
                  'datasets',
                  e.target.checked ? [...picked, d.name] : picked.filter((x) => x !== d.name),
                )
              }
            />{' '}
            {datasetName(d.name)}
          </label>
        ))}
        {form.errors.datasets ? <p className="field__error">{form.errors.datasets}</p> : null}
      </fieldset>
    </Dialog>
  )
}
