// Public entry of the work-orders web module: the shell reads `routes` and `loadI18n`; the proposals detail page
// renders <CreateWorkOrderFromProposal>. Other modules import only from here.
import { lazyComponent } from '../../platform/lazy'
export { routes } from './routes'
export const loadI18n = () => import('./i18n').then((m) => m.i18n)
export type { CreateWorkOrderFromProposalProps } from './create-from-proposal'
export const CreateWorkOrderFromProposal = lazyComponent(
  'work-orders',
  () => import('./create-from-proposal'),
  'CreateWorkOrderFromProposal',
)
