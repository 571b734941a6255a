// Runs tasks with a global cap and a cap per key (host). A busy host never holds up tasks for other hosts.

export interface Limiter {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

interface Waiting {
  key: string;
  start: () => void;
}

export function createLimiter(concurrency: number, perKey: number): Limiter {
  const maxActive = Math.max(1, Math.floor(concurrency));
  const maxPerKey = Math.max(1, Math.floor(perKey));
  const queue: Waiting[] = [];
  const perKeyActive = new Map<string, number>();
  let active = 0;

  const pump = () => {
    for (let i = 0; i < queue.length && active < maxActive; ) {
      const { key, start } = queue[i];
      if ((perKeyActive.get(key) ?? 0) >= maxPerKey) {
        i++;
        continue;
      }
      queue.splice(i, 1);
      active++;
      perKeyActive.set(key, (perKeyActive.get(key) ?? 0) + 1);
      start();
    }
  };

  const release = (key: string) => {
    active--;
    const left = (perKeyActive.get(key) ?? 1) - 1;
    if (left === 0) perKeyActive.delete(key);
    else perKeyActive.set(key, left);
    pump();
  };

  return {
    run<T>(key: string, task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({
          key,
          start: () => {
            Promise.resolve()
              .then(task)
              .then(resolve, reject)
              .finally(() => release(key));
          },
        });
        pump();
      });
    },
  };
}
