import { afterAll, it } from "vitest";

/**
 * A table of failure cases: each row is a test, and when the file ends a summary of every row
 * (case, result) is printed, so the whole matrix can be read at a glance in CI's log.
 */
export function failureMatrix(title: string) {
  const results: { row: string; passed: boolean }[] = [];
  afterAll(() => {
    const width = Math.max(...results.map((r) => r.row.length), 4);
    const lines = results.map((r) => `  ${r.row.padEnd(width)}  ${r.passed ? "passed" : "FAILED"}`);
    const passed = results.filter((r) => r.passed).length;
    console.log([`${title}: ${passed} of ${results.length} cases passed`, ...lines].join("\n"));
  });
  return {
    row(name: string, check: () => Promise<void>, timeout?: number) {
      it(
        name,
        async () => {
          try {
            await check();
            results.push({ row: name, passed: true });
          } catch (error) {
            results.push({ row: name, passed: false });
            throw error;
          }
        },
        timeout,
      );
    },
  };
}
