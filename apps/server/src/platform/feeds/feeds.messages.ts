import { defineMessages } from '../i18n/messages'

/** The BI feeds' messages (docs/platform.md "Messages and languages"). */
export const feedsMessages = defineMessages('feeds', {
  missingToken: { es: 'Falta el token de acceso', en: 'The access token is missing' },
  unknownDataset: {
    es: 'No existe el conjunto de datos «{dataset}»',
    en: 'There is no dataset “{dataset}”',
  },
  unknownDatasetField: { es: 'Conjunto de datos desconocido', en: 'Unknown dataset' },
  tokenNotFound: { es: 'Token no encontrado', en: 'Token not found' },
  datasetNotFound: { es: 'Conjunto de datos no encontrado', en: 'Dataset not found' },
  tokenCannotRead: {
    es: 'El token «{token}» no puede leer «{dataset}»',
    en: 'The token “{token}” cannot read “{dataset}”',
  },
})
