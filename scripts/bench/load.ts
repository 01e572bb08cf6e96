import autocannon from 'autocannon';
import { CONNECTIONS, DURATION_S, WARMUP_S } from './settings';

// Load with autocannon: a warm-up thrown away, then the measured run, with latencies per request.

export interface LoadFigures {
  path: string;
  durationS: number;
  requests: number;
  rps: number;
  /** Of 2xx answers, measured per request (autocannon's histogram keeps whole milliseconds). */
  p50Ms: number;
  p99Ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  ratio?: number;
  autocannon: { requestsAverage: number; latencyP50: number; latencyP99: number };
}

export function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export async function load(
  url: string,
  options: { headers?: Record<string, string>; requests?: autocannon.Request[]; duration: number },
): Promise<LoadFigures> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: options.duration,
        headers: options.headers,
        requests: options.requests,
        timeout: 30,
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
    });
  });
  const sorted = Float64Array.from(latencies).sort();
  return {
    path: new URL(url).pathname + new URL(url).search,
    durationS: result.duration,
    requests: result.requests.total,
    rps: round(result.requests.total / result.duration, 1),
    p50Ms: round(percentile(sorted, 0.5)),
    p99Ms: round(percentile(sorted, 0.99)),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    autocannon: {
      requestsAverage: result.requests.average,
      latencyP50: result.latency.p50,
      latencyP99: result.latency.p99,
    },
  };
}

/** A warm-up run whose figures are thrown away, then the measured one. */
export async function measure(
  url: string,
  options: { headers?: Record<string, string>; requests?: autocannon.Request[] },
) {
  await load(url, { ...options, duration: WARMUP_S });
  return load(url, { ...options, duration: DURATION_S });
}
