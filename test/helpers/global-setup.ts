export default async function globalSetup(): Promise<void> {
  if (process.env.PARLEY_TEST_NO_DB === '1') return;
  const { startTestDatabase } = await import('./test-database');
  await startTestDatabase();
}
