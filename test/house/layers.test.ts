// Data flows one way: a folder of src/ imports (statically or with `await import`) only from folders before it in
// LAYERS and from the shared base (types.ts, errors.ts, text/). The pure stages do not throw the CLI's UserError:
// they throw errors of their own, and the CLI decides what the user sees.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

/** what several layers share; it imports nothing of the layers */
const BASE = ['types', 'errors', 'text'];
/**
 * The edition's stages in the order data moves through them (report: the editors' page of an edition, written
 * with it), then the store (persistence; it imports no stage), then what drives them: delivery, one edition's
 * build (pipeline), the editors' desk (builds, approves and sends through the pipeline), the scheduler, the web
 * app and the CLI.
 */
const LAYERS = ['config', 'fetch', 'parse', 'clean', 'select', 'cluster', 'theme', 'summarize', 'render', 'report', 'store', 'deliver', 'pipeline', 'desk', 'schedule', 'web', 'cli'];
/** pure functions of their input: no UserError (exit codes are the CLI's business) */
const PURE = ['parse', 'clean', 'select', 'cluster', 'theme', 'summarize', 'report'];

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** the top folder (or file without .ts) of src/ that a path below src/ lies in */
const layerOf = (rel: string) => rel.split(path.sep)[0].replace(/\.(ts|js)$/, '');

interface Edge {
  file: string;
  spec: string;
  from: string;
  to: string;
}

function edges(): Edge[] {
  const out: Edge[] = [];
  for (const file of (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(path.join(SRC, file), 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2];
      const target = path.relative(SRC, path.resolve(SRC, path.dirname(file), spec));
      out.push({ file, spec, from: layerOf(file), to: layerOf(target) });
    }
  }
  return out;
}

describe('layers of src/', () => {
  const all = edges();

  it('finds the imports (a broken pattern would make every check below pass)', () => {
    expect(all.length).toBeGreaterThan(500);
    expect(all.some((e) => e.spec.includes('pipeline/index.js') && e.from === 'desk')).toBe(true); // an `await import`
  });

  it('every top folder and file of src/ has its place', () => {
    const tops = new Set((readdirSync(SRC) as string[]).filter((f) => !f.endsWith('.md')).map((f) => f.replace(/\.ts$/, '')));
    expect([...tops].filter((t) => !BASE.includes(t) && !LAYERS.includes(t))).toEqual([]);
  });

  it('the shared base imports no layer', () => {
    expect(all.filter((e) => BASE.includes(e.from) && LAYERS.includes(e.to)).map((e) => `${e.file} → ${e.spec}`)).toEqual([]);
  });

  it('a layer imports only from earlier layers and the base', () => {
    const later = all.filter((e) => LAYERS.includes(e.from) && LAYERS.includes(e.to) && LAYERS.indexOf(e.to) > LAYERS.indexOf(e.from));
    expect(later.map((e) => `${e.file} → ${e.spec}`)).toEqual([]);
  });

  it('pure stages do not throw the CLI\'s UserError', () => {
    const errors = all.filter((e) => PURE.includes(e.from) && e.to === 'errors');
    expect(errors.map((e) => `${e.file} → ${e.spec}`)).toEqual([]);
  });
});
