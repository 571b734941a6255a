// Cheap per-subscriber bodies for one edition. A BodyTemplate is a body with placeholders where each
// subscriber's values go; its lines without a placeholder are quoted-printable encoded once, so per message
// only the few lines holding personal links are encoded. Each copy still takes the smaller encoding of its
// own body (the rule in render/encoding.ts), and the message is assembled by the one composer in render/.
import { pickEncoding, type EncodedBody } from '../render/encoding.js';

export class BodyTemplate {
  /** runs of QP-encoded static lines, and the lines with placeholders (raw) */
  private readonly pieces: (string[] | { line: string })[] = [];
  private readonly pattern: RegExp;

  constructor(
    readonly source: string,
    placeholders: string[],
    private readonly qpLine: (line: string) => string,
  ) {
    this.pattern = new RegExp(placeholders.map(escapeRegExp).join('|'), 'g');
    let run: string[] = [];
    for (const raw of source.split('\n')) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      this.pattern.lastIndex = 0;
      if (this.pattern.test(line)) {
        if (run.length) this.pieces.push(run);
        run = [];
        this.pieces.push({ line });
      } else {
        run.push(line, qpLine(line));
      }
    }
    if (run.length) this.pieces.push(run);
  }

  fill(values: Record<string, string>): string {
    return this.source.replace(this.pattern, (ph) => values[ph] ?? ph);
  }

  /** The filled body as sent: the same bytes render/encoding.ts encodeBody gives for it. */
  encode(values: Record<string, string>): EncodedBody {
    const lines: string[] = [];
    const qp: string[] = [];
    for (const p of this.pieces) {
      if (Array.isArray(p)) {
        for (let i = 0; i < p.length; i += 2) {
          lines.push(p[i]);
          qp.push(p[i + 1]);
        }
      } else {
        const line = p.line.replace(this.pattern, (ph) => values[ph] ?? ph);
        lines.push(line);
        qp.push(this.qpLine(line));
      }
    }
    return pickEncoding(lines, qp.join('\r\n'));
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
