/** Asks, in a terminal, for what the flags leave out. */
export async function askMissing(
  id: string | undefined,
  generatorFlags: Record<string, string[]>,
): Promise<{ id: string | undefined; generatorFlags: Record<string, string[]> }> {
  return { id, generatorFlags };
}
