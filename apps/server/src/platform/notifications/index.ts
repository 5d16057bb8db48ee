/** In-app notifications, the platform's only entry for them (docs/platform.md#notifications). */
export {
  createNotificationsService,
  createNotify,
  type NotifyDeps,
  notify,
  type Localized,
  type NotificationEvent,
  type NotificationsService,
  type NotifyFn,
} from './notifications.service'
export { notificationsRoutes } from './notifications.routes'
export type { NotificationTables } from './notifications.tables'
