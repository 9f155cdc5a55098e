import type { CliIo } from '../cli';

/** A CLI io that collects what a command prints, for tests; `stdin` is what it reads. */
export function captureIo(stdin = ''): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
    readStdin: () => Promise.resolve(stdin),
  };
  return io;
}
