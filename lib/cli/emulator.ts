/**
 * `bce-iam emulator …`: runs the emulator's own command line (`bce-iam-emulator`) in this
 * process with the remaining arguments, so both spellings behave the same.
 */
export function runEmulator(argv: readonly string[]): void {
  process.argv = [process.argv[0] ?? process.execPath, 'bce-iam-emulator', ...argv]
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the emulator CLI starts when loaded
  require('../emulator/cli')
}
