/**
 * A problem with an input page, located as precisely as the stage that found it can:
 * always the file, and the 1-based line where one applies. The CLI prints `file:line: message`,
 * never a stack trace, because the reader is an editor fixing a file, not a developer.
 */
export class PageError extends Error {
  readonly file: string;
  readonly line: number | null;

  constructor(file: string, message: string, line: number | null = null) {
    super(message);
    this.name = 'PageError';
    this.file = file;
    this.line = line;
  }

  get location(): string {
    return this.line === null ? this.file : `${this.file}:${this.line}`;
  }

  override toString(): string {
    return `${this.location}: ${this.message}`;
  }
}
