// An independent DKIM verifier (RFC 6376, relaxed/relaxed, rsa-sha256) for tests: checks the body
// hash and the signature over the signed headers with the public key.
import { createHash, createVerify, type KeyObject } from 'node:crypto';

export interface DkimCheck {
  ok: boolean;
  reason?: string;
  signedHeaders: string[];
  domain: string;
  selector: string;
}

export function verifyDkim(raw: Buffer, publicKey: KeyObject): DkimCheck {
  const text = raw.toString('latin1');
  const split = text.indexOf('\r\n\r\n');
  const headerText = text.slice(0, split);
  const body = text.slice(split + 4);
  const headers = headerText.split(/\r\n(?![ \t])/).map((line) => ({ name: line.slice(0, line.indexOf(':')).trim(), line }));
  const sig = headers.find((h) => h.name.toLowerCase() === 'dkim-signature');
  if (!sig) return { ok: false, reason: 'no DKIM-Signature', signedHeaders: [], domain: '', selector: '' };
  const tags = new Map(
    sig.line
      .slice(sig.line.indexOf(':') + 1)
      .replace(/\s+/g, '')
      .split(';')
      .filter(Boolean)
      .map((t) => [t.slice(0, t.indexOf('=')), t.slice(t.indexOf('=') + 1)] as [string, string]),
  );
  const signedHeaders = (tags.get('h') ?? '').split(':').map((h) => h.toLowerCase());
  const base = { signedHeaders, domain: tags.get('d') ?? '', selector: tags.get('s') ?? '' };
  if (tags.get('a') !== 'rsa-sha256' || tags.get('c') !== 'relaxed/relaxed') return { ok: false, reason: `unsupported a=${tags.get('a')} c=${tags.get('c')}`, ...base };

  const canonBody = relaxedBody(body);
  const bh = createHash('sha256').update(canonBody, 'latin1').digest('base64');
  if (bh !== tags.get('bh')) return { ok: false, reason: 'body hash mismatch', ...base };

  // each listed name takes the last unused instance of that header, bottom up
  const used = new Set<number>();
  let data = '';
  for (const name of signedHeaders) {
    for (let i = headers.length - 1; i >= 0; i--) {
      if (!used.has(i) && headers[i].name.toLowerCase() === name && headers[i] !== sig) {
        used.add(i);
        data += relaxedHeader(headers[i].line) + '\r\n';
        break;
      }
    }
  }
  data += relaxedHeader(sig.line).replace(/b=[^;]*$/, 'b=').replace(/(;\s*b=)[^;]*/, '$1');
  const ok = createVerify('RSA-SHA256').update(data, 'latin1').verify(publicKey, tags.get('b') ?? '', 'base64');
  return { ok, reason: ok ? undefined : 'signature does not verify', ...base };
}

function relaxedHeader(line: string): string {
  const i = line.indexOf(':');
  const name = line.slice(0, i).trim().toLowerCase();
  const value = line
    .slice(i + 1)
    .replace(/\r\n/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
  return `${name}:${value}`;
}

function relaxedBody(body: string): string {
  const lines = body.split('\r\n').map((l) => l.replace(/[ \t]+/g, ' ').replace(/ $/, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.length === 0 ? '' : lines.join('\r\n') + '\r\n';
}
