/**
 * Politeness: at most `perHost` requests at once to one host, a pause after each before
 * that slot is used again, and a hold when the host asks us to wait (Retry-After). Hosts
 * do not wait for each other, up to `total` requests at once in all.
 */
export interface Scheduler {
  /** Runs `job` in a turn of `host`. */
  run<T>(host: string, job: () => Promise<T>): Promise<T>;
  /** No new request to `host` starts for `ms` (it answered 429 or 503 with Retry-After). */
  hold(host: string, ms: number): void;
}

export interface SchedulerOptions {
  perHost: number;
  /** Milliseconds a slot rests after a request to its host. */
  pause: number;
  /** Requests at once over all hosts. */
  total?: number;
}

interface Host {
  active: number;
  heldUntil: number;
  waiting: Array<() => void>;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function hostScheduler(options: SchedulerOptions): Scheduler {
  const hosts = new Map<string, Host>();
  const total = options.total ?? 16;
  let running = 0;
  const everyone: Array<() => void> = [];
  const hostOf = (name: string) => {
    let h = hosts.get(name);
    if (!h) hosts.set(name, (h = { active: 0, heldUntil: 0, waiting: [] }));
    return h;
  };
  const acquire = async (h: Host) => {
    for (;;) {
      const held = h.heldUntil - Date.now();
      if (h.active >= options.perHost) await new Promise<void>((resolve) => h.waiting.push(resolve));
      else if (held > 0) await delay(held);
      else if (running >= total) await new Promise<void>((resolve) => everyone.push(resolve));
      else break;
    }
    h.active++;
    running++;
  };
  const release = (h: Host) => {
    running--;
    everyone.shift()?.();
    const free = () => {
      h.active--;
      h.waiting.shift()?.();
    };
    if (options.pause > 0) setTimeout(free, options.pause);
    else free();
  };
  return {
    async run(host, job) {
      const h = hostOf(host);
      await acquire(h);
      try {
        return await job();
      } finally {
        release(h);
      }
    },
    hold(host, ms) {
      const h = hostOf(host);
      h.heldUntil = Math.max(h.heldUntil, Date.now() + ms);
    },
  };
}
