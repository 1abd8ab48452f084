export default async function globalTeardown(): Promise<void> {
  await globalThis.__STL_TEST_PG__?.stop();
}
