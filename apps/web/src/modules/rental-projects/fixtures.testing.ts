/** Component tests only: a project and an assignment as the API returns them. */
import type { TRentalAssignment, TRentalEquipment, TRentalProject } from '@faena/contracts'

export const PROJECT_ID = '20000000-0000-4000-8000-000000000001'
export const EQUIPMENT_ID = '30000000-0000-4000-8000-000000000001'
export const ASSIGNMENT_ID = '40000000-0000-4000-8000-000000000001'

export const projectFixture = (over: Partial<TRentalProject> = {}): TRentalProject => ({
  id: PROJECT_ID,
  client: { id: '10000000-0000-4000-8000-000000000001', name: 'Petro Andes', taxId: '1790012345001' },
  name: 'Campamento Norte',
  location: 'BLOQUE 15',
  cardinalPoint: null,
  contactName: null,
  contactPhone: null,
  startDate: '2026-01-05',
  endDate: null,
  closed: false,
  closedOn: null,
  notes: null,
  activeEquipment: 1,
  activeServices: 0,
  assignmentCount: 1,
  dailyRental: '18.00',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...over,
})

export const assignmentFixture = (over: Partial<TRentalAssignment> = {}): TRentalAssignment => ({
  id: ASSIGNMENT_ID,
  projectId: PROJECT_ID,
  kind: 'equipment',
  equipmentId: EQUIPMENT_ID,
  equipment: {
    id: EQUIPMENT_ID,
    code: 'PSL-BT-111',
    name: 'Batería sanitaria',
    kind: 'equipment',
    type: 'toilet',
  },
  dailyRate: '18.00',
  rates: [{ from: null, dailyRate: '18.00' }],
  description: 'ALQUILER / PSL-BT-111 / BATERÍA SANITARIA',
  frequency: 'daily',
  weekdays: [],
  monthdays: [],
  operationStart: '2026-01-05',
  operationEnd: null,
  linkedEquipment: null,
  status: 'active',
  retiredOn: null,
  retirementReason: null,
  notes: null,
  deletable: true,
  version: 1,
  createdAt: '2026-01-05T00:00:00Z',
  updatedAt: '2026-01-05T00:00:00Z',
  ...over,
})

export const equipmentFixture = (over: Partial<TRentalEquipment> = {}): TRentalEquipment => ({
  id: EQUIPMENT_ID,
  code: 'PSL-BT-111',
  name: 'Batería sanitaria',
  kind: 'equipment',
  type: 'toilet',
  brand: null,
  model: null,
  serialNumber: null,
  condition: 'operative',
  availability: 'available',
  currentProject: null,
  location: null,
  reviewNote: null,
  notes: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...over,
})
