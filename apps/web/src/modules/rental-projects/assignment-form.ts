/**
 * The assignment forms' schemas (assign, edit, retire, reactivate), from the contracts' requests: dates and
 * texts typed into inputs (blank → missing or null), the rate as typed, the frequency as a choice with its
 * days (sent as `frequency` + `weekdays` / `monthdays`).
 */
import { z } from 'zod'
import {
  ZCreateRentalAssignmentRequest,
  ZReactivateRentalAssignmentRequest,
  ZRentalFrequency,
  ZRetireRentalAssignmentRequest,
  ZUpdateRentalAssignmentRequest,
  type TRentalFrequency,
} from '@faena/contracts'
import { fromText } from '../../platform/components/record-form'
import { frequencyBody } from './frequency-field'

const create = ZCreateRentalAssignmentRequest.shape
const update = ZUpdateRentalAssignmentRequest.shape

/** Rate, window and frequency: typed the same in the assign and the edit forms. */
const terms = {
  dailyRate: fromText(create.dailyRate),
  operationStart: fromText(create.operationStart),
  operationEnd: fromText(create.operationEnd, null),
  frequency: ZRentalFrequency,
  days: z.array(z.number().int()),
}

type Frequency = { frequency: TRentalFrequency; days: number[] }

/** Weekdays or month days need at least one day (the server says so too, on `weekdays` / `monthdays`). */
const daysChosen = ({ frequency, days }: Frequency, ctx: z.RefinementCtx) => {
  if (frequency !== 'daily' && days.length === 0)
    ctx.addIssue({
      code: 'too_small',
      origin: 'array',
      minimum: 1,
      inclusive: true,
      input: days,
      path: ['days'],
    })
}
const toBody = <T extends Frequency>({ frequency, days, ...rest }: T) => ({
  ...rest,
  ...frequencyBody(frequency, days),
})

export const ZAssignForm = z
  .object({
    ...terms,
    equipmentId: create.equipmentId,
    description: fromText(create.description, null),
    linkedEquipmentId: fromText(create.linkedEquipmentId, null),
  })
  .superRefine(daysChosen)
  .transform(toBody)

export const ZEditAssignmentForm = z
  .object({
    ...terms,
    rateEffectiveFrom: fromText(update.rateEffectiveFrom),
    description: update.description,
  })
  .superRefine(daysChosen)
  .transform(toBody)

const retire = ZRetireRentalAssignmentRequest.shape
/** Retire: the date and a reason are asked for (the contract would default the date and allow no reason). */
export const ZRetireForm = z.object({
  date: fromText(retire.date.unwrap()),
  reason: fromText(retire.reason.unwrap().unwrap()),
})

/** Reactivate: a new operation start, or none to keep it. */
export const ZReactivateForm = z.object({
  operationStart: fromText(ZReactivateRentalAssignmentRequest.shape.operationStart),
})
