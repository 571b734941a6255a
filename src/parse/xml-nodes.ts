// Reading xml2js nodes (explicitArray): an element is a string (text only) or an object with its text in `_`,
// its attributes in `$` and its children in arrays under their names.
import { isValidUtf8 } from './decode.js';
import { escapeHtml } from '../text/escape.js';

export type XNode = string | { _?: string; $?: Record<string, string>; [child: string]: unknown };
export type XList = XNode[] | undefined;

export function attrs(node: XNode | undefined): Record<string, string> {
  return node && typeof node === 'object' && node.$ && typeof node.$ === 'object' ? node.$ : {};
}

export function hasChildren(node: XNode): boolean {
  return typeof node === 'object' && Object.keys(node).some((k) => k !== '_' && k !== '$');
}


/** an element back to markup (xml2js keeps text and children apart, so text comes first) */
function serialize(name: string, node: XNode, depth: number): string {
  if (typeof node === 'string') return `<${name}>${escapeHtml(node)}</${name}>`;
  const attributes = Object.entries(attrs(node)).map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`).join('');
  return `<${name}${attributes}>${innerMarkup(node, depth + 1)}</${name}>`;
}

/** markup inside an element, as a string */
function innerMarkup(node: XNode, depth = 0): string {
  if (typeof node === 'string') return node;
  const text = typeof node._ === 'string' ? node._ : '';
  if (!hasChildren(node) || depth > 50) return text;
  let out = escapeHtml(text);
  for (const [key, value] of Object.entries(node)) {
    if (key === '_' || key === '$' || !Array.isArray(value)) continue;
    for (const child of value as XNode[]) out += serialize(key, child ?? '', depth);
  }
  return out;
}

/** the content of an Atom text construct / RSS element as HTML-ish text (base64 mode decoded) */
export function contentOf(node: XNode | undefined): string {
  if (node === undefined || node === null) return '';
  const a = attrs(node);
  const raw = innerMarkup(node);
  // Atom 0.3 mode="base64"; Atom 1.0: a type that is neither text/* nor XML is base64 (RFC 4287 §4.1.3.3),
  // but producers get that wrong, so only take the decoded form when it is clean UTF-8
  const type = (a.type ?? '').toLowerCase();
  const declared = (a.mode ?? '').toLowerCase() === 'base64';
  const binaryType = type.includes('/') && !type.startsWith('text/') && !type.includes('xml');
  if ((declared || binaryType) && /^[A-Za-z0-9+/=\s]+$/.test(raw)) {
    const bytes = Buffer.from(raw.replace(/\s+/g, ''), 'base64');
    if (isValidUtf8(bytes)) return bytes.toString('utf8');
  }
  return raw;
}

export function first(list: unknown): XNode | undefined {
  return Array.isArray(list) && list.length ? (list[0] as XNode) : undefined;
}

export function textOf(node: XNode | undefined): string {
  if (node === undefined || node === null) return '';
  return typeof node === 'string' ? node : typeof node._ === 'string' ? node._ : '';
}
