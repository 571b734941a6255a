// Whether the receiving server vouches for a message's From: its own Authentication-Results (RFC 8601), known by
// the authserv-id it writes first (config mailbox.authservIds), show DMARC passing for the From domain, or DKIM
// passing for that domain or a parent of it (relaxed alignment, RFC 7489 §3.1.1). Anyone can write a From line,
// and anyone can write an Authentication-Results line too: only the topmost one with a trusted id counts, because
// the receiving server adds its own above every header the sender wrote.
import type { Notice } from './parse.js';

export type Trust = { vouched: true; evidence: string } | { vouched: false; why: string };

interface ResultInfo {
  method: string;
  result: string;
  props: Map<string, string>;
}

export function senderTrust(n: Notice, authservIds: string[]): Trust {
  if (authservIds.length === 0) return { vouched: false, why: 'no mailbox.authservIds to read Authentication-Results from' };
  if (n.fromAddresses.length !== 1 || !n.from) return { vouched: false, why: `${n.fromAddresses.length === 0 ? 'no' : 'more than one'} From address` };
  const fromDomain = n.from.slice(n.from.lastIndexOf('@') + 1);
  const ours = (n.headers.get('authentication-results') ?? []).map(parseAuthResults).find((r) => r && authservIds.includes(r.authservId));
  if (!ours) return { vouched: false, why: `no Authentication-Results from ${authservIds.join(' or ')}` };
  const where = `Authentication-Results of ${ours.authservId}`;
  const dmarc = ours.results.find((r) => r.method === 'dmarc' && r.result === 'pass' && (r.props.get('header.from') ?? fromDomain) === fromDomain);
  if (dmarc) return { vouched: true, evidence: `${where}: dmarc=pass for ${fromDomain}` };
  for (const r of ours.results) {
    if (r.method !== 'dkim' || r.result !== 'pass') continue;
    const d = r.props.get('header.d') ?? r.props.get('header.i')?.replace(/^.*@/, '');
    // a parent domain aligns, but not a bare top-level one (nobody signs as "net")
    if (d && (d === fromDomain || (d.includes('.') && fromDomain.endsWith(`.${d}`)))) return { vouched: true, evidence: `${where}: dkim=pass d=${d} for ${fromDomain}` };
  }
  const shown = ours.results.filter((r) => r.method === 'dmarc' || r.method === 'dkim').map((r) => `${r.method}=${r.result}`);
  return { vouched: false, why: `${where}: ${shown.length ? shown.join(', ') : 'no DMARC or DKIM result'}, nothing passing for ${fromDomain}` };
}

/** `mx.example.org 1; dkim=pass header.d=example.net; dmarc=pass (p=reject) header.from=example.net` → its parts, names and values lower-case. */
export function parseAuthResults(value: string): { authservId: string; results: ResultInfo[] } | null {
  const parts = splitOutsideQuotes(withoutComments(value), ';');
  const authservId = (parts.shift() ?? '').trim().split(/\s+/)[0]?.replace(/^"|"$/g, '').toLowerCase();
  if (!authservId) return null;
  const results: ResultInfo[] = [];
  for (const part of parts) {
    const [head, ...rest] = splitOutsideQuotes(part.trim(), ' ').filter((t) => t !== '');
    const m = /^([a-z0-9_-]+)(?:\/\d+)?=([a-z0-9_-]+)$/i.exec(head ?? '');
    if (!m) continue; // `none`, or something this reader does not know
    const props = new Map<string, string>();
    for (const t of rest) {
      const eq = t.indexOf('=');
      if (eq > 0) props.set(t.slice(0, eq).toLowerCase(), t.slice(eq + 1).replace(/^"|"$/g, '').toLowerCase());
    }
    results.push({ method: m[1].toLowerCase(), result: m[2].toLowerCase(), props });
  }
  return { authservId, results };
}

/** RFC 5322 comments (parentheses, nested), outside quoted strings. */
function withoutComments(v: string): string {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (c === '\\' && (quoted || depth > 0)) {
      if (depth === 0) out += v.slice(i, i + 2);
      i++;
    } else if (depth === 0 && c === '"') {
      quoted = !quoted;
      out += c;
    } else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')' && depth > 0) {
      depth--;
      if (depth === 0) out += ' ';
    } else if (depth === 0) out += c;
  }
  return out;
}

function splitOutsideQuotes(v: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (c === '\\' && quoted) {
      cur += v.slice(i, i + 2);
      i++;
    } else if (c === '"') {
      quoted = !quoted;
      cur += c;
    } else if (!quoted && (c === sep || (sep === ' ' && /\s/.test(c)))) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}
