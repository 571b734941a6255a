// Human figures for error lines: "20 s", "0.5 s", "10 MB", "2 h"; and addresses without their passwords.

/** 20000 → "20", 1500 → "1.5", 250 → "0.25" */
export function formatSeconds(ms: number): string {
  const s = Math.round(ms / 10) / 100;
  return String(s);
}

/** Picks the unit that makes the number round, so 10 MiB and 10 000 000 bytes both read "10 MB". */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [1024 * 1024, 'MB'],
    [1_000_000, 'MB'],
    [1024, 'KB'],
    [1000, 'KB'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}

/** a body past the cap, naming the setting that lets a larger feed through */
export function tooLargeLine(maxBytes: number): string {
  return `body over ${formatBytes(maxBytes)} (fetch.maxSize)`;
}

/** a wait a server asked for, rounded up to a unit a reader takes in: 120000 → "120 s", 600000 → "10 min", 7199310 → "2 h" */
export function formatWait(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s <= 120) return `${s} s`;
  if (s < 2 * 3600) return `${Math.round(s / 60)} min`;
  if (s < 2 * 86_400) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} days`;
}

/**
 * `text` with the password of every address in it hidden (http://ann:***@host/feed): a private feed's login is the
 * operator's, and lines about its address go to digest.json, the report editors read, and logs.
 */
export function hidePasswords(text: string): string {
  return text.replace(/\b(https?:\/\/[^\s/?#@:]*):[^\s/?#@]*@/gi, '$1:***@');
}
