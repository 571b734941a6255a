// Cheap per-subscriber bodies for one edition. A BodyTemplate is a body with placeholders where each
// subscriber's values go; its runs of lines without a placeholder are quoted-printable encoded, joined and
// measured once, so per message only the few lines holding personal links are encoded and measured. Each copy
// still takes the smaller encoding of its own body (the rule in render/encoding.ts), and the message is
// assembled by the one composer in render/.
import { bodyLines, pickEncodingBySize, qpLine, type EncodedBody } from '../render/encoding.js';

/** Consecutive lines without a placeholder, the same in every copy: joined with CRLF, as text and as QP. */
interface StaticRun {
  text: string;
  qp: string;
  lines: number;
  /** UTF-8 bytes of the lines, line breaks not counted */
  bytes: number;
}

export class BodyTemplate {
  /** runs of static lines, and the lines with placeholders (raw) */
  private readonly pieces: (StaticRun | { line: string })[] = [];
  private readonly pattern: RegExp;

  /** `staticQp`: the QP line encoder for the static lines (a memoising one shares them between variants) */
  constructor(
    readonly source: string,
    placeholders: string[],
    staticQp: (line: string) => string,
  ) {
    this.pattern = new RegExp(placeholders.map(escapeRegExp).join('|'), 'g');
    let run: string[] = [];
    const endRun = () => {
      if (run.length) this.pieces.push(staticRun(run, staticQp));
      run = [];
    };
    for (const line of bodyLines(source)) {
      this.pattern.lastIndex = 0;
      if (this.pattern.test(line)) {
        endRun();
        this.pieces.push({ line });
      } else {
        run.push(line);
      }
    }
    endRun();
  }

  fill(values: Record<string, string>): string {
    return this.source.replace(this.pattern, (ph) => values[ph] ?? ph);
  }

  /** The filled body as sent: the same bytes render/encoding.ts encodeBody gives for it. */
  encode(values: Record<string, string>): EncodedBody {
    const text: string[] = [];
    const qp: string[] = [];
    let lines = 0;
    let bytes = 0;
    for (const p of this.pieces) {
      if ('qp' in p) {
        text.push(p.text);
        qp.push(p.qp);
        lines += p.lines;
        bytes += p.bytes;
      } else {
        const line = p.line.replace(this.pattern, (ph) => values[ph] ?? ph);
        text.push(line);
        // not the memoising encoder: a line with one subscriber's values never comes again
        qp.push(qpLine(line));
        lines++;
        bytes += Buffer.byteLength(line, 'utf8');
      }
    }
    // content size as contentBytes() counts it: the lines plus a CRLF between each two
    return pickEncodingBySize(qp.join('\r\n'), bytes + 2 * Math.max(0, lines - 1), () => text.join('\r\n'));
  }
}

function staticRun(lines: string[], encode: (line: string) => string): StaticRun {
  let bytes = 0;
  for (const line of lines) bytes += Buffer.byteLength(line, 'utf8');
  return { text: lines.join('\r\n'), qp: lines.map(encode).join('\r\n'), lines: lines.length, bytes };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
