import { defineMessages } from './messages'

/** Field messages of the request's validation: the same keys and texts as the web's `platform:validation`. */
export const validationMessages = defineMessages('validation', {
  required: { es: 'Este campo es obligatorio', en: 'This field is required' },
  tooShort: { es: 'Debe tener al menos {min} caracteres', en: 'Must be at least {min} characters' },
  tooLong: { es: 'Debe tener como máximo {max} caracteres', en: 'Must be at most {max} characters' },
  tooSmall: { es: 'Debe ser mayor o igual a {min}', en: 'Must be at least {min}' },
  tooBig: { es: 'Debe ser menor o igual a {max}', en: 'Must be at most {max}' },
  email: { es: 'Escribe un correo electrónico válido', en: 'Enter a valid email address' },
  date: { es: 'Escribe una fecha válida (AAAA-MM-DD)', en: 'Enter a valid date (YYYY-MM-DD)' },
  uuid: { es: 'Identificador no válido', en: 'Invalid identifier' },
  format: { es: 'Formato no válido', en: 'Invalid format' },
  option: { es: 'Elige una opción válida', en: 'Choose a valid option' },
  number: { es: 'Escribe un número', en: 'Enter a number' },
  integer: { es: 'Escribe un número entero', en: 'Enter a whole number' },
  invalid: { es: 'Valor no válido', en: 'Invalid value' },
})
