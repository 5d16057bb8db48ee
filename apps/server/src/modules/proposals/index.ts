/** The proposals (PTE) module: its only public entry. */
export {
  countProposals,
  createProposalsService,
  type CatalogsPort,
  type ProposalsService,
  type ProposalsServiceDeps,
} from './proposals.service'
export { proposalsRoutes } from './proposals.routes'
export type { ProposalTables } from './proposals.tables'
export { percent as proposalProgressPercent, progressOf as proposalProgressOf } from './proposal-progress'
export {
  DONE_STEP_STATUSES,
  UNCOUNTED_STEP_STATUSES,
  isStepOverdue,
  parentProgress as stepParentProgress,
  shouldAutoCompleteParent,
} from './proposal-progress'
export {
  autoCompleteParents,
  buildStepTree,
  newlyAssignedUser,
  copyStepTemplates,
  resolveStepPatch,
  STEP_FIELDS,
  stepSnapshot,
  type StepTemplate,
  type StepTreeNode,
} from './step-rules'
export { assignmentNotice, checkResponsibleUser, type StepAssignment } from './step-assignment'
export {
  ensurePlaceholderProposals,
  getProposalForWorkOrder,
  getProposalNumbers,
  proposalNumberKey,
  proposalNumberSource,
  type PlaceholderProposals,
} from './proposal-refs'
export { countStepDocumentsByManager } from './proposals.repository'
/** steps due or overdue, for the due and overdue notices (docs/platform.md#due-and-overdue) */
export { listDueProposalSteps, type DueProposalStep } from './due-steps'
export { proposalsFeed } from './proposals-feed'
/** status names as the exports and reports write them */
export { STATUS_ES as proposalStatusEs } from './proposals-export'
