/** Read-only feeds for BI tools, the platform's only entry for them (docs/feeds.md). */
export { createFeedsService, type FeedCaller, type FeedsDeps, type FeedsService } from './feeds.service'
export { toCsv, type FeedDataset, type FeedValue } from './feed-dataset'
export { feedsRoutes } from './feeds.routes'
export type { FeedTables } from './feeds.tables'
