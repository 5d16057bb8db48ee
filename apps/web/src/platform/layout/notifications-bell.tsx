import { useId } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import type { TNotification } from '@faena/contracts'
import { api } from '../api'
import { Icon } from '../components/icon'
import { useDisclosure } from '../components/use-disclosure'
import { useFormat } from '../session'

const LIST_KEY = ['notifications'] as const
/** The bell asks again every minute (and when the window regains focus). */
const POLL_MS = 60_000

/**
 * The header's bell: how many notifications are unread, and a panel with the latest twenty. Opening one
 * marks it read and goes where it points; "mark all read" clears the count. Escape or a click outside closes.
 */
export const NotificationsBell = () => {
  const { t } = useTranslation()
  const fmt = useFormat()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const { open, setOpen, rootRef, buttonRef } = useDisclosure()
  const panelId = useId()

  const list = useQuery({
    queryKey: LIST_KEY,
    queryFn: ({ signal }) => api.get('/api/v1/notifications', { query: { limit: 20 }, signal }),
    refetchInterval: POLL_MS,
  })
  const markRead = useMutation({
    mutationFn: (id: string | null) =>
      id
        ? api.post('/api/v1/notifications/{id}/read', { path: { id } })
        : api.post('/api/v1/notifications/read-all'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: LIST_KEY }),
  })

  const unread = list.data?.unread ?? 0
  const items = list.data?.items ?? []
  const openItem = (n: TNotification) => {
    if (!n.readAt) markRead.mutate(n.id)
    setOpen(false)
    if (n.link) void navigate({ to: n.link })
  }

  return (
    <div className="bell" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="bell__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread > 0 ? t('notifications.labelUnread', { count: unread }) : t('notifications.label')}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="bell" />
        {unread > 0 ? (
          <span className="bell__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div id={panelId} className="bell__panel" role="region" aria-label={t('notifications.label')}>
          <div className="bell__head">
            <span className="bell__title">{t('notifications.label')}</span>
            {unread > 0 ? (
              <button
                type="button"
                className="link-button"
                disabled={markRead.isPending}
                onClick={() => markRead.mutate(null)}
              >
                {t('notifications.markAll')}
              </button>
            ) : null}
          </div>
          {list.isPending ? (
            <p className="bell__empty">{t('common.loading')}</p>
          ) : list.isError ? (
            <p className="bell__empty">{t('notifications.unavailable')}</p>
          ) : items.length === 0 ? (
            <p className="bell__empty">{t('notifications.empty')}</p>
          ) : (
            <ul className="bell__list">
              {items.map((n) => (
                <li key={n.id}>
                  <button
                    type="button"
                    className={`bell__item${n.readAt ? '' : ' bell__item--unread'}`}
                    onClick={() => openItem(n)}
                  >
                    <span className="bell__item-title">{n.title}</span>
                    {n.body ? <span className="bell__item-body">{n.body}</span> : null}
                    <time className="bell__item-time" dateTime={n.createdAt}>
                      {fmt.dateTime(n.createdAt)}
                    </time>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="bell__foot">
            <Link to="/account/notifications" className="link-button" onClick={() => setOpen(false)}>
              {t('notifications.preferences')}
            </Link>
          </div>
        </div>
      ) : null}
    </div>
  )
}
