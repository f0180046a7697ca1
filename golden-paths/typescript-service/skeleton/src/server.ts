import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { Metrics } from './metrics.js';

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** The service's HTTP server: health probes, metrics, and its first endpoint. */
export function createApp(metrics: Metrics = new Metrics()): Server {
  return createServer((request: IncomingMessage, response: ServerResponse) => {
    const start = process.hrtime.bigint();
    response.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      metrics.observe(request.method ?? 'GET', response.statusCode, seconds);
    });
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/healthz' || path === '/readyz') {
      json(response, 200, { status: 'UP' });
    } else if (path === '/metrics') {
      response.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
      response.end(metrics.render());
    } else if (path === '/') {
      json(response, 200, { service: '${{ parameters.name }}', status: 'ok' });
    } else {
      json(response, 404, { error: 'not found' });
    }
  });
}
