// Public entry of the insights web module (docs/insights.md): the dashboards of both lines of business.
import { lazyComponent } from '../../platform/lazy'
export { routes } from './routes'
export const loadI18n = () => import('./i18n').then((m) => m.i18n)
/** One ECharts canvas (bar and pie) in its own chunk, loaded when first rendered (other modules' report screens). */
export const Chart = lazyComponent('insights', () => import('./chart'), 'Chart')
export type { ChartProps } from './chart'
