/** A problem with the step's inputs: always names the input, found before anything is sent (see boot/early.ts). */
export class InputError extends Error {
  /** The kebab-case name of the input at fault. */
  readonly input: string

  constructor(input: string, message: string) {
    super(`Input '${input}': ${message}`)
    this.name = 'InputError'
    this.input = input
  }
}
