// A small counting semaphore with a bounded line: at most `running` holders at once, at most
// `waiting` waiting for a place, each for at most `maxWaitMs`. Used where every holder may take
// much memory or time (the import reads a file of up to 20 MB), so that parallel requests queue
// instead of multiplying the cost, and a crowd beyond the line is turned away at once.

export interface SlotOptions {
  running: number;
  waiting: number;
  maxWaitMs: number;
}

interface Waiter {
  admit: (release: () => void) => void;
  refuse: () => void;
}

export class Slots {
  private held = 0;
  private readonly line: Waiter[] = [];

  constructor(private readonly options: SlotOptions) {}

  /**
   * A function that gives the place back (call it once), or null when the line is full, the
   * wait ran out or `signal` aborted first (the caller went away).
   */
  acquire(signal?: AbortSignal): Promise<(() => void) | null> {
    if (this.held < this.options.running && this.line.length === 0) {
      this.held++;
      return Promise.resolve(this.releaser());
    }
    if (this.line.length >= this.options.waiting || signal?.aborted) return Promise.resolve(null);
    return new Promise((resolve) => {
      const leave = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const at = this.line.indexOf(waiter);
        if (at !== -1) this.line.splice(at, 1);
      };
      const waiter: Waiter = {
        admit: (release) => {
          leave();
          resolve(release);
        },
        refuse: () => {
          leave();
          resolve(null);
        },
      };
      const onAbort = () => waiter.refuse();
      const timer = setTimeout(onAbort, this.options.maxWaitMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.line.push(waiter);
    });
  }

  /** How many hold a place, and how many wait: for tests and logs. */
  get load() {
    return { running: this.held, waiting: this.line.length };
  }

  private releaser(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = this.line[0];
      // The place passes straight to the first in line, so that nobody can slip in between.
      if (next) next.admit(this.releaser());
      else this.held--;
    };
  }
}
