/** The little of autocannon's API the benchmarks use (the package ships no types, and @types/autocannon is not a dependency). */
declare module 'autocannon' {
  interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p99: number;
    /** requests only: how many were sent in all. */
    total: number;
  }
  interface Result {
    requests: Histogram;
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    requests?: Array<{ setupRequest?: (request: any) => any; method?: string; body?: string }>;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
