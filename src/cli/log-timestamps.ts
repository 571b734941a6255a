// `--log-timestamps`: every line the command writes, on stdout and stderr, begins with the moment it was written
// (ISO 8601, UTC), as a log file read days later needs: cron appends `digest tick` to tick.log with no time of its
// own. Off by default, so what a person reads on a terminal and what scripts parse stays as it was.

/** Prefix each line written to `stream` from now on with its time. */
function stampLines(stream: NodeJS.WriteStream): void {
  const write = stream.write.bind(stream) as (chunk: string, ...rest: unknown[]) => boolean;
  let atLineStart = true;
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text === '') return write(text, ...rest);
    const stamp = `${new Date().toISOString()} `;
    // a stamp at the start of every line begun in this chunk; a line ending it is stamped when the next one begins
    const stamped = (atLineStart ? stamp : '') + text.replace(/\n(?=[^])/g, `\n${stamp}`);
    atLineStart = text.endsWith('\n');
    return write(stamped, ...(rest.filter((r) => typeof r === 'function') as unknown[]));
  }) as typeof stream.write;
}

/** Stamp every line of this process's stdout and stderr. */
export function stampOutput(): void {
  stampLines(process.stdout);
  stampLines(process.stderr);
}
