export default async function globalTeardown(): Promise<void> {
  if (process.env.PARLEY_TEST_NO_DB === '1') return;
  const { stopTestDatabase } = await import('./test-database');
  await stopTestDatabase();
}
