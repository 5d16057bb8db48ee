/**
 * The shared form of a field document (maintenance sheet, custody chain, shipping guide): the schema built
 * from the type's request contract, the save (create or update, toast, open the detail, server errors under
 * the fields), the `<form>` shell with its actions, the project field and the new / edit page frames. Each
 * type gives only its fields and sections.
 */
import { createContext, useContext, type ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import type { FieldValues } from 'react-hook-form'
import { z } from 'zod'
import {
  Button,
  FormError,
  FormField,
  PageHeader,
  PageLoadError,
  PagePending,
  UnsavedChangesGuard,
  allowNavigation,
  buttonClass,
  useToast,
} from '../../platform/components'
import { todayIn } from '../../platform/format'
import { useMe } from '../../platform/session'
import { useZodForm, type ZodForm } from '../../platform/validation'
import { docDetailQuery, useCreateDocument, useUpdateDocument, type DetailOf, type DocKind } from './api'
import { toRequestBody, type BodyMode } from './request-body'
import { BackLink, ProjectSelect, ROUTES, formLevelError } from './ui'

/** Widens a generic kind to the union (translation keys are checked against the union). */
const kindOf = (k: DocKind): DocKind => k

/** The create and update contracts of a document type (`@faena/contracts`). */
export type DocContracts = { create: z.ZodType; update: z.ZodType }

export type BodyOptions<V> = {
  /** fields never sent as typed (the form sends them its own way) */
  omit?: readonly (keyof V & string)[]
  /** amounts whose empty value means 0 */
  zero?: readonly (keyof V & string)[]
  /** last touches to the body (a value that depends on the form's own state) */
  finish?: (body: Record<string, unknown>, values: V) => void
}

/**
 * The form's schema: its string values become the request body (`toRequestBody`: the project only on
 * create, empty texts left out / cleared) and the type's request contract parses it, so every message and
 * its path (`items.0.description`) is the contract's.
 */
export const documentSchema = <V extends FieldValues>(
  contracts: DocContracts,
  mode: BodyMode,
  opts: BodyOptions<V> = {},
) =>
  z
    .custom<V>()
    .transform((values) => {
      const omit = [...(opts.omit ?? []), ...(mode === 'edit' ? ['projectId'] : [])]
      const body = toRequestBody(values, mode, { omit, zero: opts.zero ?? [] })
      opts.finish?.(body, values)
      return body
    })
    .pipe(
      // the body is the contract's input (toRequestBody keeps the contract's field names)
      (mode === 'edit' ? contracts.update : contracts.create) as unknown as z.ZodType<
        unknown,
        Record<string, unknown>
      >,
    )

/**
 * A document form: `useZodForm` with the type's schema (built each render, so `finish` and `refine` may read
 * the form's own state), and `onSubmit` that sends the parsed body (create or update), toasts and opens the
 * detail; a 400's field details land under the fields, anything else on top.
 */
export const useDocumentForm = <V extends FieldValues & { projectId: string }>(
  kind: DocKind,
  contracts: DocContracts,
  existing: { id: string } | undefined,
  initial: V,
  opts: BodyOptions<V> & {
    /** a rule across fields of the parsed body (e.g. the end time after the start time) */
    refine?: (body: Record<string, unknown>) => { path: string; message: string } | null
  } = {},
) => {
  const { t } = useTranslation(['rental-documents', 'platform'])
  const toast = useToast()
  const navigate = useNavigate()
  const existingId = existing?.id
  const { refine } = opts
  const schema = documentSchema<V>(contracts, existing ? 'edit' : 'create', opts).superRefine((body, ctx) => {
    const problem = refine?.(body as Record<string, unknown>)
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message })
  })
  const form = useZodForm(schema, initial) as unknown as ZodForm<z.ZodType<unknown, V>> & { values: V }
  const create = useCreateDocument(kind)
  const update = useUpdateDocument(kind, existingId ?? '')
  const mutation = existingId ? update : create
  const onSubmit = form.submit((body) =>
    mutation.mutate(body as object, {
      onSuccess: (d: { id: string; displayNumber: string }) => {
        toast.success(
          existingId
            ? t('form.saved')
            : t('form.created', { name: t(`kinds.${kindOf(kind)}.one`), number: d.displayNumber }),
        )
        allowNavigation() // saved: going to the record is not leaving unsaved changes
        void navigate({ to: ROUTES[kind].detail, params: { id: d.id } })
      },
      onError: (e) => void form.applyServerError(e),
    }),
  )
  const frame = {
    kind,
    existingId,
    busy: mutation.isPending,
    dirty: form.isDirty,
    error: formLevelError(mutation.error, form.errors),
    onSubmit,
    project: {
      value: form.values.projectId,
      error: form.errors.projectId,
      set: (projectId: string) => form.set('projectId' as never, projectId as never),
    },
  }
  return { form, frame }
}

type Frame = ReturnType<typeof useDocumentForm>['frame']
const FrameContext = createContext<Frame | null>(null)

/**
 * The `<form>` of a document (test id `<kind>-form`) with the form-level error on top; leaving with unsaved
 * changes asks first. `<DocFormActions />` in the last section gives cancel and save.
 */
export const DocForm = ({ frame, children }: { frame: Frame; children: ReactNode }) => (
  <FrameContext.Provider value={frame}>
    <form noValidate className="rd-form" data-testid={`${frame.kind}-form`} onSubmit={frame.onSubmit}>
      <FormError>{frame.error}</FormError>
      <UnsavedChangesGuard when={frame.dirty} />
      {children}
    </form>
  </FrameContext.Provider>
)

/** Cancel (back to the detail or the list) and save / create. */
export const DocFormActions = () => {
  const { t } = useTranslation(['rental-documents', 'platform'])
  const frame = useContext(FrameContext)
  if (!frame) return null
  const { kind, existingId: id, busy } = frame
  return (
    <div className="form__actions">
      {id ? (
        <Link to={ROUTES[kind].detail} params={{ id }} className={buttonClass('secondary')}>
          {t('platform:actions.cancel')}
        </Link>
      ) : (
        <Link to={ROUTES[kind].list} className={buttonClass('secondary')}>
          {t('platform:actions.cancel')}
        </Link>
      )}
      <Button type="submit" variant="primary" loading={busy} data-testid="save-document">
        {busy ? t('platform:actions.saving') : id ? t('form.save') : t('form.create')}
      </Button>
    </div>
  )
}

/**
 * The project of a document: chosen when creating (open projects only), fixed when editing. `onChange`
 * clears what belonged to the previous project (assignments).
 */
export const DocProjectField = ({ onChange }: { onChange: () => void }) => {
  const { t } = useTranslation(['rental-documents', 'platform'])
  const frame = useContext(FrameContext)
  if (!frame) return null
  const locked = Boolean(frame.existingId)
  return (
    <FormField
      label={t('fields.project')}
      error={frame.project.error}
      required
      hint={locked ? undefined : t('form.newHint')}
    >
      {(p) => (
        <ProjectSelect
          control={{ ...p, 'data-testid': 'project-select' }}
          openOnly
          value={frame.project.value}
          disabled={locked}
          onChange={(projectId) => {
            frame.project.set(projectId)
            onChange()
          }}
        />
      )}
    </FormField>
  )
}

/** A card of the form with its title, an optional hint and the grid of fields; the `last` one has the actions. */
export const FormSection = ({
  title,
  hint,
  last = false,
  children,
}: {
  title: string
  hint?: string
  last?: boolean
  children: ReactNode
}) => (
  <section className="card">
    <h2 className="section-title">{title}</h2>
    {hint ? <p className="muted rd-small">{hint}</p> : null}
    <div className="form-grid">{children}</div>
    {last ? <DocFormActions /> : null}
  </section>
)

/**
 * The new and edit pages of a document type around its form: the new page starts from `blank` (the
 * project of `?projectId=`, today in the organization, the user), the edit page from the loaded document.
 */
export const formPages = <K extends DocKind, V>(
  kind: K,
  Form: (props: { initial: V; existing?: DetailOf<K> }) => ReactNode,
  blank: (start: { projectId: string; today: string; userName: string }) => V,
  fromDetail: (d: DetailOf<K>) => V,
) => ({
  NewPage: () => {
    const me = useMe()
    const { projectId } = useSearch({ strict: false })
    const start = {
      projectId: projectId ?? '',
      today: todayIn(me.organization.timeZone),
      userName: me.user.name,
    }
    return (
      <DocNewPage kind={kind}>
        <Form initial={blank(start)} />
      </DocNewPage>
    )
  },
  EditPage: () => (
    <DocEditPage kind={kind}>{(d) => <Form initial={fromDetail(d)} existing={d} />}</DocEditPage>
  ),
})

/** The new page of a document type: header and the type's form. */
const DocNewPage = ({ kind, children }: { kind: DocKind; children: ReactNode }) => {
  const { t } = useTranslation('rental-documents')
  return (
    <div className="page rd-new">
      <PageHeader breadcrumb={<BackLink kind={kind} />} title={t(`kinds.${kindOf(kind)}.new`)} />
      {children}
    </div>
  )
}

/** The edit page of a document type: loads the document (id from the URL), then the type's form. */
const DocEditPage = <K extends DocKind>({
  kind,
  children,
}: {
  kind: K
  children: (d: DetailOf<K>) => ReactNode
}) => {
  const { t } = useTranslation(['rental-documents', 'platform'])
  const { id = '' } = useParams({ strict: false })
  const detail = useQuery(docDetailQuery(kind, id))
  if (detail.isPending) return <PagePending />
  if (detail.isError)
    return (
      <PageLoadError
        error={detail.error}
        onRetry={() => void detail.refetch()}
        breadcrumb={<BackLink kind={kind} />}
        title={t(`kinds.${kindOf(kind)}.title`)}
      />
    )
  const d = detail.data as DetailOf<K> & { displayNumber: string }
  return (
    <div className="page rd-new">
      <PageHeader
        breadcrumb={<BackLink kind={kind} />}
        title={t('form.editTitle', { name: t(`kinds.${kindOf(kind)}.one`), number: d.displayNumber })}
      />
      {children(d)}
    </div>
  )
}
