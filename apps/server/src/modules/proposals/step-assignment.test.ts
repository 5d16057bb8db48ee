import { describe, expect, it } from 'vitest'
import { systemActor, type Actor } from '../../platform/access'
import { assignmentNotice, type StepAssignment } from './step-assignment'

const ORG = '00000000-0000-4000-8000-00000000000a'
const actor = { orgId: ORG, userId: '00000000-0000-4000-8000-0000000000b1', role: 'manager' } as Actor
const ASSIGNEE = '00000000-0000-4000-8000-0000000000c1'
const step = (kind: StepAssignment['kind']): StepAssignment => ({
  kind,
  recordId: '00000000-0000-4000-8000-0000000000d1',
  recordNumber: kind === 'proposal' ? 'BME-0001' : 'OT-77 R2',
  description: 'Mantenimiento a ductos',
  stepId: '00000000-0000-4000-8000-0000000000e1',
  stepName: 'Visita técnica',
  stepVersion: new Date('2026-03-10T18:00:00Z'),
})

describe('assignmentNotice', () => {
  it('tells the assignee, in Spanish and English, with a link to the PTE and a key per step version', () => {
    expect(assignmentNotice(actor, ASSIGNEE, step('proposal'))).toEqual({
      orgId: ORG,
      to: { userIds: [ASSIGNEE], exceptUserId: actor.userId },
      kind: 'proposal.step_assigned',
      title: {
        es: 'Te asignaron el paso «Visita técnica» de la PTE BME-0001',
        en: 'You were assigned the step "Visita técnica" of proposal BME-0001',
      },
      body: { es: 'Mantenimiento a ductos', en: 'Mantenimiento a ductos' },
      link: '/proposals/00000000-0000-4000-8000-0000000000d1',
      dedupeKey: `proposal.step_assigned:${step('proposal').stepId}:${ASSIGNEE}:2026-03-10T18:00:00.000Z`,
    })
  })

  it('for a work order, links to it; the system as actor excludes nobody', () => {
    const notice = assignmentNotice(systemActor(ORG), ASSIGNEE, step('workOrder'))
    expect(notice.kind).toBe('work_order.step_assigned')
    expect(notice.title.es).toBe('Te asignaron el paso «Visita técnica» de la OT OT-77 R2')
    expect(notice.title.en).toBe('You were assigned the step "Visita técnica" of work order OT-77 R2')
    expect(notice.link).toBe('/work-orders/00000000-0000-4000-8000-0000000000d1')
    expect(notice.to.exceptUserId).toBeNull()
  })
})
