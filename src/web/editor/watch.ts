// Watch the config file and the templates folder; call back once per burst of changes.
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface Watcher {
  /** watch these paths from now on (replaces the previous set) */
  set(paths: { configFile: string; templatesDir: string }): void;
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
    set({ configFile, templatesDir }) {
      const key = `${configFile}\n${templatesDir}`;
      if (key === current) return;
      current = key;
      closeAll();
      // Editors save by writing a new file and renaming it over the old one, which ends a watch on the
      // file itself: watch its folder and pick the file's events out.
      const name = path.basename(configFile);
      add(path.dirname(configFile), false, (f) => f === name && fire(configFile));
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
