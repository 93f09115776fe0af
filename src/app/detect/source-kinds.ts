/** Tests and the generated test helpers make apps of their own; the one to mount on is in the app's code. */
export function isTestOrHelper(file: string, inngestDir?: string): boolean {
  return (
    /\.(test|spec)\.[cm]?tsx?$/.test(file) ||
    file.split("/").some((part) => ["test", "tests", "__tests__", "__mocks__"].includes(part)) ||
    (inngestDir !== undefined && file.startsWith(`${inngestDir}/`))
  );
}
