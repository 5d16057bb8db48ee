export { Button, buttonClass, type ButtonProps, type ButtonVariant } from './button'
export { ConfirmDialog, type ConfirmDialogProps } from './confirm-dialog'
export { DataTable, type Column, type DataTableProps, type SortDir, type SortState } from './data-table'
export { Dialog, type DialogProps } from './dialog'
export { EmptyState } from './empty-state'
export { ErrorState } from './error-state'
export { Filter, FilterBar } from './filter-bar'
export { FormError, FormField, type FieldControlProps } from './form-field'
export { FormDialog, type FormDialogProps } from './form-dialog'
export { PageHeader } from './page-header'
export { PAGE_SIZES, Pagination } from './pagination'
export { BandedProgress, ProgressBar, progressBand, type BandedProgressProps } from './progress-bar'
export { SearchInput } from './search-input'
export { StatusBadge, type StatusTone } from './status-badge'
export { ToastProvider, useToast, type ToastApi } from './toast'
export { UnderConstruction } from './under-construction'
export { Icon, type IconName } from './icon'
export { CommitDateInput, type CommitDateInputProps } from './date-input'
export { DateRangeFilter, type DateRangeFilterProps } from './date-range-filter'
export { ListCount } from './list-export'
export { JobExportButton, type JobExportButtonProps } from './job-export'
export { PageLoadError, PagePending, type PageLoadErrorProps } from './detail-state'
export {
  DecimalField,
  DecimalHint,
  DecimalInput,
  useDecimalHint,
  type DecimalFieldProps,
  type DecimalInputProps,
} from './decimal-field'
export {
  UnsavedChangesGuard,
  allowNavigation,
  useUnsavedChanges,
  type UnsavedChanges,
} from './unsaved-changes'
export { UserSelect, activeUsersQuery, type UserSelectProps } from './user-select'
