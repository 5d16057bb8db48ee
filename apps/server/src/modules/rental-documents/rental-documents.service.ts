import type { Actor } from '../../platform/access'
import type { Upload } from '../../platform/http/multipart'
import { createCustodyChains } from './custody-chains'
import {
  createDocumentContext,
  type FieldDocumentDeps,
  type FieldDocumentKind,
} from './field-document-context'
import { createMaintenanceSheets } from './maintenance-sheets'
import { createShippingGuides } from './shipping-guides'

/**
 * The rental field documents' service: the three document types (maintenance-sheets.ts, custody-chains.ts,
 * shipping-guides.ts), each a configuration of the one field-document lifecycle
 * (field-document-lifecycle.ts) on the shared context (field-document-context.ts). Every port is required.
 */
export type RentalDocumentsServiceDeps = FieldDocumentDeps
export type RentalDocumentsService = ReturnType<typeof createRentalDocumentsService>

export function createRentalDocumentsService(deps: RentalDocumentsServiceDeps) {
  const ctx = createDocumentContext(deps)
  const maintenance = createMaintenanceSheets(ctx)
  const chains = createCustodyChains(ctx)
  const guides = createShippingGuides(ctx)
  const byKind = { maintenance, chain: chains, guide: guides }

  return {
    listMaintenanceSheets: maintenance.list,
    getMaintenanceSheet: maintenance.get,
    createMaintenanceSheet: maintenance.create,
    updateMaintenanceSheet: maintenance.update,
    closeMaintenanceSheet: (actor: Actor, id: string) => maintenance.changeStatus(actor, id, 'closed'),
    voidMaintenanceSheet: (actor: Actor, id: string, reason: string) =>
      maintenance.changeStatus(actor, id, 'void', reason),
    deleteMaintenanceSheet: maintenance.remove,
    maintenanceSheetPdfFile: maintenance.pdfFile,
    listCustodyChains: chains.list,
    getCustodyChain: chains.get,
    createCustodyChain: chains.create,
    updateCustodyChain: chains.update,
    closeCustodyChain: (actor: Actor, id: string) => chains.changeStatus(actor, id, 'closed'),
    cancelCustodyChain: (actor: Actor, id: string, reason: string) =>
      chains.changeStatus(actor, id, 'cancelled', reason),
    deleteCustodyChain: chains.remove,
    custodyChainPdfFile: chains.pdfFile,
    /** one scanned PDF, a page per chain in the given order */
    attachChainScan: chains.attachPages,
    /** a billing sheet's chains with their scan pages, for the bulk scan */
    listSheetChainScans: chains.listSheetScans,
    listShippingGuides: guides.list,
    getShippingGuide: guides.get,
    createShippingGuide: guides.create,
    updateShippingGuide: guides.update,
    closeShippingGuide: (actor: Actor, id: string) => guides.changeStatus(actor, id, 'closed'),
    voidShippingGuide: (actor: Actor, id: string, reason: string) =>
      guides.changeStatus(actor, id, 'void', reason),
    deleteShippingGuide: guides.remove,
    shippingGuidePdfFile: guides.pdfFile,
    /** Attachments (PDF only), the same for the three types. */
    addAttachment: (actor: Actor, kind: FieldDocumentKind, id: string, readUpload: () => Promise<Upload>) =>
      byKind[kind].addAttachment(actor, id, readUpload),
    removeAttachment: (actor: Actor, kind: FieldDocumentKind, id: string, attachmentId: string) =>
      byKind[kind].removeAttachment(actor, id, attachmentId),
  }
}
