// Watch the config file, the templates folder and the feeds read from local files (`path:`); call back
// once per burst of changes.
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface Watcher {
  /** watch these paths from now on (replaces the previous set) */
  set(paths: { configFile: string; templatesDir: string; feedFiles?: string[] }): void;
  close(): void;
}

export function watchSources(onChange: (what: string) => void, debounceMs = 150): Watcher {
  let watchers: FSWatcher[] = [];
  let current = '';
  let timer: NodeJS.Timeout | null = null;
  let last = '';
  const fire = (what: string) => {
    last = what;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onChange(last);
    }, debounceMs);
  };
  const closeAll = () => {
    for (const w of watchers) w.close();
    watchers = [];
  };
  return {
    set({ configFile, templatesDir, feedFiles = [] }) {
      const key = [configFile, templatesDir, ...feedFiles].join('\n');
      if (key === current) return;
      current = key;
      closeAll();
      // Editors (and feed writers) save by writing a new file and renaming it over the old one, which ends
      // a watch on the file itself: watch each file's folder and pick the file's events out.
      const files = new Map<string, Map<string, string>>();
      for (const file of [configFile, ...feedFiles]) {
        const names = files.get(path.dirname(file)) ?? new Map<string, string>();
        names.set(path.basename(file), file);
        files.set(path.dirname(file), names);
      }
      for (const [dir, names] of files) add(dir, false, (f) => names.has(f) && fire(names.get(f)!));
      add(templatesDir, true, (f) => !isScratch(f) && fire(path.join(templatesDir, f)));
    },
    close() {
      if (timer) clearTimeout(timer);
      closeAll();
    },
  };

  function add(dir: string, recursive: boolean, on: (file: string) => void) {
    try {
      const w = watch(dir, { recursive, persistent: false }, (_event, file) => on(file ? String(file) : ''));
      w.on('error', () => w.close());
      watchers.push(w);
    } catch {
      // a folder that does not exist (yet) is simply not watched; the build reports the real problem
    }
  }
}

/** Editor swap and backup files are not template changes. */
function isScratch(file: string): boolean {
  const base = path.basename(file);
  return base.startsWith('.') || base.endsWith('~') || /\.(swp|swx|tmp)$/.test(base) || /^\d+$/.test(base);
}
