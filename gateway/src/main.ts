// Entry point for the gateway on its own: `npm start -w gateway`.
import { runGateway } from './run-gateway';

void runGateway().catch((error: unknown) => {
  process.stderr.write(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
