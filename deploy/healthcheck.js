/* global fetch, AbortSignal */
// The container's health check: GET /readyz on this container's own service (the gateway's
// GATEWAY_PORT, a subgraph's PORT). Healthy only on 200: a service draining after SIGTERM, or one
// whose database or Redis does not answer, answers 503 and is taken out of rotation.
const port = process.env.GATEWAY_PORT ?? process.env.PORT;
if (!port) {
  process.stderr.write('healthcheck: neither GATEWAY_PORT nor PORT is set\n');
  process.exit(1);
}
fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(2_000) }).then(
  (response) => process.exit(response.status === 200 ? 0 : 1),
  () => process.exit(1),
);
