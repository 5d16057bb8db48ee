// Public entry of the work-orders web module: the shell reads `routes` and `i18n`; the proposals detail page
// renders <CreateWorkOrderFromProposal>. Other modules import only from here.
export { routes } from './routes'
export { i18n } from './i18n'
export { CreateWorkOrderFromProposal, type CreateWorkOrderFromProposalProps } from './create-from-proposal'
