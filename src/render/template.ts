// A small Mustache-style template language for the MJML layout, with `<mj-include>` partials.
//
// Why our own: MJML resolves `mj-include` while parsing, without data, so a partial used inside a loop
// (one card per story) could not see its story. We inline partials ourselves before expanding the data,
// and keep a map from every output line back to its template file and line, so that MJML's validation
// errors can name the file and line the user must fix.
//
// Syntax: {{name}} (HTML-escaped value), {{#name}}…{{/name}} (loop over a list, or show if truthy),
// {{^name}}…{{/name}} (show if falsy or empty), {{! comment}},
// <mj-include path="partials/x.mjml" /> (relative to the including file).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { UserError, readFailure } from '../errors.js';
import { escapeHtml } from '../text/escape.js';

export interface Origin {
  file: string;
  line: number;
}

type Node =
  | { kind: 'text'; text: string; origin: Origin }
  | { kind: 'var'; name: string; origin: Origin }
  | { kind: 'block'; name: string; inverted: boolean; children: Node[]; origin: Origin };

export interface Template {
  /** the layout file, for messages */
  file: string;
  nodes: Node[];
  /** identifies the template's content: every file read and its text */
  signature: string;
}

/** Where templates are looked up: the user's folder first, then the built-in one, file by file. */
export interface TemplateRoots {
  user?: string;
  builtIn: string;
}

export const BUILT_IN_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));
const LAYOUT = 'digest.mjml';
const MAX_INCLUDE_DEPTH = 10;

/** Path of a template file shown in messages: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

function fail(origin: Origin, what: string): never {
  throw new UserError(`${displayPath(origin.file)} line ${origin.line}: ${what}`);
}

/** Find `rel` (relative to a template root) in the user's folder, else in the built-in one. */
function locate(roots: TemplateRoots, rel: string): string | null {
  for (const root of [roots.user, roots.builtIn]) {
    if (!root) continue;
    const candidate = path.join(root, rel);
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

function rootOf(roots: TemplateRoots, file: string): string {
  if (roots.user && !path.relative(roots.user, file).startsWith('..')) return roots.user;
  return roots.builtIn;
}

const lineAt = (source: string, offset: number): number => {
  let line = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) line++;
  return line;
};

// One pattern for everything the loader treats specially; MJML css/html includes are left to MJML.
// Comments may span lines; tags may not, so a missing `}}` is caught on its own line.
const TAG = /\{\{!([\s\S]*?)\}\}|\{\{\s*([#^/]?)\s*([^{}\n]*?)\s*\}\}|<mj-include\b([^>]*?)\/?>(?:\s*<\/mj-include>)?/g;
const NAME = /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/;

function parseFile(file: string, roots: TemplateRoots, stack: string[]): Node[] {
  if (stack.length > MAX_INCLUDE_DEPTH) fail({ file, line: 1 }, `partials nested deeper than ${MAX_INCLUDE_DEPTH} levels`);
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UserError(`${displayPath(file)}: template ${readFailure(err)}`);
  }
  const root: Node[] = [];
  const open: Array<Extract<Node, { kind: 'block' }>> = [];
  const target = () => (open.length ? open[open.length - 1].children : root);
  let last = 0;
  for (const m of source.matchAll(TAG)) {
    const at = m.index ?? 0;
    const origin = { file, line: lineAt(source, at) };
    if (at > last) target().push({ kind: 'text', text: source.slice(last, at), origin: { file, line: lineAt(source, last) } });
    last = at + m[0].length;
    if (m[4] !== undefined) {
      target().push(...includePartial(m[0], m[4], origin, roots, [...stack, file]));
      continue;
    }
    if (m[1] !== undefined) continue;
    const [sigil, name] = [m[2], m[3]];
    if (!NAME.test(name)) fail(origin, `"${m[0]}" is not a field name (expected letters, digits, _ and dots)`);
    if (sigil === '#' || sigil === '^') {
      const block: Node = { kind: 'block', name, inverted: sigil === '^', children: [], origin };
      target().push(block);
      open.push(block);
    } else if (sigil === '/') {
      const top = open.pop();
      if (!top) fail(origin, `{{/${name}}} closes a block that was never opened`);
      if (top.name !== name) fail(origin, `{{/${name}}} closes {{#${top.name}}} opened on line ${top.origin.line}`);
    } else {
      target().push({ kind: 'var', name, origin });
    }
  }
  if (last < source.length) target().push({ kind: 'text', text: source.slice(last), origin: { file, line: lineAt(source, last) } });
  const stray = findStrayBraces(source);
  if (stray !== -1) fail({ file, line: lineAt(source, stray) }, `"${source.slice(stray, stray + 2)}" without its other half (write tags as {{name}} on one line)`);
  if (open.length) {
    const top = open[open.length - 1];
    fail(top.origin, `{{#${top.name}}} is never closed with {{/${top.name}}}`);
  }
  return root;
}

/** Offset of a `{{` or `}}` that is not part of a tag, or -1. */
function findStrayBraces(source: string): number {
  return source.replace(TAG, (m) => ' '.repeat(m.length)).search(/\{\{|\}\}/);
}

function includePartial(tag: string, attrText: string, origin: Origin, roots: TemplateRoots, stack: string[]): Node[] {
  const attrs = Object.fromEntries([...attrText.matchAll(/([\w-]+)\s*=\s*"([^"]*)"/g)].map((a) => [a[1], a[2]]));
  if (attrs.type && attrs.type !== 'mjml') return [{ kind: 'text', text: tag, origin }];
  if (!attrs.path) fail(origin, `<mj-include> needs a path="…" attribute`);
  const includer = stack[stack.length - 1];
  const rootDir = rootOf(roots, includer);
  const rel = path.relative(rootDir, path.resolve(path.dirname(includer), attrs.path));
  if (rel.startsWith('..') || path.isAbsolute(rel)) fail(origin, `<mj-include path="${attrs.path}"> points outside the template folder`);
  const file = locate(roots, rel);
  if (!file) fail(origin, `<mj-include path="${attrs.path}">: no such partial (looked for ${rel} in the template folder)`);
  if (stack.includes(file)) fail(origin, `<mj-include path="${attrs.path}"> includes itself`);
  return stripMjmlWrapper(parseFile(file, roots, stack));
}

// MJML partials may be written as a whole `<mjml><mj-body>…</mj-body></mjml>` document; we insert their body.
function stripMjmlWrapper(nodes: Node[]): Node[] {
  const first = nodes.find((n) => n.kind !== 'text' || n.text.trim() !== '');
  if (!first || first.kind !== 'text' || !/^\s*<mjml[\s>]/.test(first.text)) return nodes;
  return nodes.map((n) =>
    n.kind === 'text'
      ? { ...n, text: n.text.replace(/<mjml[^>]*>\s*(<mj-body[^>]*>)?/, '').replace(/(<\/mj-body>\s*)?<\/mjml>/, '') }
      : n,
  );
}

/** Load the layout and all its partials; throws UserError naming the file and line of a broken template. */
export function loadTemplate(roots: TemplateRoots): Template {
  if (roots.user && !fs.statSync(roots.user, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UserError(`templates: ${displayPath(roots.user)} is not a folder (expected a folder of .mjml templates)`);
  }
  const file = locate(roots, LAYOUT);
  if (!file) throw new UserError(`${displayPath(path.join(roots.user ?? roots.builtIn, LAYOUT))}: the layout template is missing`);
  const nodes = parseFile(file, roots, []);
  return { file, nodes, signature: createHash('sha256').update(JSON.stringify(nodes)).digest('hex') };
}

/** Text plus, for each output line, the template line it came from. */
export interface Expanded {
  text: string;
  origins: Origin[];
}

type Scope = Record<string, unknown>;

/** a value for the email's HTML: escaped, and never forming a %%personalisation token%% */
export function escapeValue(value: string): string {
  return escapeHtml(value).replace(/%%/g, '%&#37;');
}

function lookup(scopes: Scope[], name: string, origin: Origin): unknown {
  const [head, ...rest] = name.split('.');
  for (let i = scopes.length - 1; i >= 0; i--) {
    if (Object.prototype.hasOwnProperty.call(scopes[i], head)) {
      let value: unknown = scopes[i][head];
      for (const key of rest) value = value == null ? undefined : (value as Scope)[key];
      return value;
    }
  }
  const known = [...new Set(scopes.flatMap((s) => Object.keys(s)))].sort().join(', ');
  return fail(origin, `unknown field {{${name}}} (known here: ${known})`);
}

/** Fill the template with data. Values are HTML-escaped; loops push the item as a new scope. */
export function expand(template: Template, data: Scope): Expanded {
  const parts: string[] = [];
  const origins: Origin[] = [];
  let line = 0;
  // A line belongs to the template that put its first non-blank text there (a partial's first line
  // is indented by its includer's whitespace).
  let blankSoFar = true;
  const emit = (text: string, origin: Origin) => {
    if (!text) return;
    const pieces = text.split('\n');
    pieces.forEach((piece, i) => {
      if (i > 0) {
        line++;
        blankSoFar = true;
      }
      const from = { file: origin.file, line: origin.line + i };
      if (origins[line] === undefined || (blankSoFar && piece.trim())) origins[line] = from;
      if (piece.trim()) blankSoFar = false;
    });
    parts.push(text);
  };
  const walk = (nodes: Node[], scopes: Scope[]) => {
    for (const node of nodes) {
      if (node.kind === 'text') emit(node.text, node.origin);
      else if (node.kind === 'var') {
        const value = lookup(scopes, node.name, node.origin);
        if (value != null && typeof value === 'object') fail(node.origin, `{{${node.name}}} is a list or group; use {{#${node.name}}}…{{/${node.name}}}`);
        emit(escapeValue(value == null || value === false ? '' : String(value)).replace(/\n/g, ' '), node.origin);
      } else {
        const value = lookup(scopes, node.name, node.origin);
        const items = Array.isArray(value) ? value : value ? [value] : [];
        if (node.inverted) {
          if (!items.length) walk(node.children, scopes);
          continue;
        }
        for (const item of items) walk(node.children, item && typeof item === 'object' ? [...scopes, item as Scope] : scopes);
      }
    }
  };
  walk(template.nodes, [data]);
  return { text: parts.join(''), origins };
}
