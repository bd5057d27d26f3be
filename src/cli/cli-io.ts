/** The streams a CLI command talks to (injectable for in-process tests). */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: { write(chunk: string): boolean };
  stderr: { write(chunk: string): boolean };
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
