/**
 * The driver (a field-staff person) and vehicle pickers of the documents that carry a transport: custody
 * chains (driver) and shipping guides (carrier). Each document keeps the picked person's name and cédula and
 * the vehicle's plate in its own fields (what its PDF prints); this component only wires the two pickers.
 */
import { useTranslation } from 'react-i18next'
import { LinkPicker, type LinkOption } from './link-picker'

export type PickedDriver = { id: string; name: string; dni: string }
export type PickedVehicle = { id: string; plate: string }

export const DriverVehiclePickers = ({
  driverId,
  driverName,
  driverDni,
  driverError,
  vehicleId,
  vehiclePlate,
  vehicleError,
  onDriver,
  onVehicle,
}: {
  driverId: string
  driverName: string | null | undefined
  driverDni: string | null | undefined
  driverError?: string | undefined
  vehicleId: string
  vehiclePlate: string | null | undefined
  vehicleError?: string | undefined
  /** the picked person (empty strings when the link is cleared) */
  onDriver: (driver: PickedDriver) => void
  /** the picked vehicle (empty strings when the link is cleared) */
  onVehicle: (vehicle: PickedVehicle) => void
}) => {
  const { t } = useTranslation('rental-documents')
  return (
    <>
      <LinkPicker
        owner="staff"
        label={t('links.driver')}
        value={driverId}
        display={driverId ? [driverName, driverDni].filter(Boolean).join(' · ') : ''}
        error={driverError}
        hint={t('links.hint')}
        testId="driver-link"
        onPick={(o: LinkOption | null) =>
          onDriver({ id: o?.id ?? '', name: o?.name ?? '', dni: o?.dni ?? '' })
        }
      />
      <LinkPicker
        owner="vehicle"
        label={t('links.vehicle')}
        value={vehicleId}
        display={vehicleId ? (vehiclePlate ?? '') : ''}
        error={vehicleError}
        testId="vehicle-link"
        onPick={(o: LinkOption | null) => onVehicle({ id: o?.id ?? '', plate: o?.plate ?? '' })}
      />
    </>
  )
}
