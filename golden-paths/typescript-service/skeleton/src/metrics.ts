/**
 * Counts requests by method and status code and times them, rendered in the Prometheus
 * text exposition format: the names the platform's dashboard and alert rules query.
 * No dependencies.
 */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly counts = BUCKETS.map(() => 0);
  private count = 0;
  private sum = 0;

  observe(method: string, status: number, seconds: number): void {
    const key = `method="${method}",code="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) {
        this.counts[i]++;
      }
    });
    this.count++;
    this.sum += seconds;
  }

  render(): string {
    const lines = [
      '# HELP http_requests_total HTTP requests served.',
      '# TYPE http_requests_total counter',
    ];
    for (const key of [...this.requests.keys()].sort()) {
      lines.push(`http_requests_total{${key}} ${this.requests.get(key)}`);
    }
    lines.push('# HELP http_request_duration_seconds HTTP request latency.');
    lines.push('# TYPE http_request_duration_seconds histogram');
    BUCKETS.forEach((bound, i) => lines.push(`http_request_duration_seconds_bucket{le="${bound}"} ${this.counts[i]}`));
    lines.push(`http_request_duration_seconds_bucket{le="+Inf"} ${this.count}`);
    lines.push(`http_request_duration_seconds_sum ${this.sum}`);
    lines.push(`http_request_duration_seconds_count ${this.count}`);
    return lines.join('\n') + '\n';
  }
}
