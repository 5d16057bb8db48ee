import { expect, test } from '@playwright/test'
import { startSmtpCatcher } from '../apps/server/test/smtp-catcher'
import { login, watchPageErrors } from './helpers'

test('outgoing e-mail: the admin saves the SMTP server, sends a test e-mail and sees it sent in the log', async ({
  page,
}) => {
  const problems = watchPageErrors(page)
  // an SMTP server in the test process: the app's job delivers to it, the test reads what arrived
  const smtp = await startSmtpCatcher({ auth: { user: 'faena', pass: 'clave-e2e' } })
  try {
    await login(page, 'admin@rental.test')
    await page.getByRole('link', { name: 'Correo saliente', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Correo saliente', level: 1 })).toBeVisible()
    await expect(page.getByText('Todavía no hay un servidor de correo configurado')).toBeVisible()

    // mistakes are named next to their fields
    const server = page.getByRole('textbox', { name: /^Servidor/ })
    await server.fill('smtp con espacios')
    await page.getByLabel(/^Puerto/).fill('70000')
    await page.getByRole('button', { name: 'Guardar configuración' }).click()
    await expect(page.getByText('Escribe el servidor SMTP')).toBeVisible()
    await expect(page.getByText('El puerto es un número entre 1 y 65535.')).toBeVisible()

    await server.fill('127.0.0.1')
    await page.getByLabel(/^Puerto/).fill(String(smtp.port))
    await page.getByLabel(/^Seguridad/).selectOption('none')
    await page.getByLabel(/^Usuario/).fill('faena')
    await page.getByLabel(/^Contraseña/).fill('clave-e2e')
    await page.getByLabel(/^Remitente \(correo/).fill('avisos@rental.test')
    await page.getByLabel(/^Remitente \(nombre/).fill('Faena Rental')
    await page.getByRole('button', { name: 'Guardar configuración' }).click()
    await expect(page.getByText('Configuración de correo guardada')).toBeVisible()
    // the password is kept encrypted and never shown again
    await expect(page.getByText('Hay una contraseña guardada (cifrada)')).toBeVisible()
    await expect(page.getByLabel(/^Contraseña/)).toHaveValue('')

    await page.getByLabel(/^Enviar a/).fill('Facturacion@Rental.test')
    await page.getByRole('button', { name: 'Enviar correo de prueba' }).click()
    const log = page.getByRole('table', { name: 'Correos enviados por la organización' })
    const row = log.getByRole('row').filter({ hasText: 'facturacion@rental.test' })
    await expect(row.getByText('Enviado', { exact: true })).toBeVisible({ timeout: 20_000 })
    await expect(row).toContainText('Correo de prueba de Faena')

    expect(smtp.received).toHaveLength(1)
    expect(smtp.received[0]!.subject).toBe('Correo de prueba de Faena')
    expect(smtp.received[0]!.from?.text).toBe('"Faena Rental" <avisos@rental.test>')
    expect(problems).toEqual([])
  } finally {
    await smtp.close()
  }
})
