// Human units in the config: "20s" / 20 seconds, "10MB" / bytes.

export function parseSeconds(v: number | string): number | null {
  if (typeof v === 'number') return Number.isFinite(v) && v > 0 ? v : null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/i.exec(v);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? 's').toLowerCase();
  const s = unit === 'ms' ? n / 1000 : unit === 'm' ? n * 60 : n;
  return s > 0 ? s : null;
}

const BYTE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, k: 1024, mb: 1024 ** 2, m: 1024 ** 2, gb: 1024 ** 3, g: 1024 ** 3 };

export function parseByteSize(v: number | string): number | null {
  if (typeof v === 'number') return Number.isInteger(v) && v > 0 ? v : null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?b?)\s*$/i.exec(v);
  if (!m) return null;
  const n = Math.round(Number(m[1]) * BYTE_UNITS[m[2].toLowerCase()]);
  return n > 0 ? n : null;
}
