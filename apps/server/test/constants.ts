/** The password of every demo user in test databases. */
export const TEST_PASSWORD = 'test-password-1'
