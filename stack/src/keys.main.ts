// `npm run -s keys`: a fresh ES256 key pair for gateway-to-subgraph assertions, printed as the two
// environment values that deploy it (see README "Gateway-to-subgraph trust" for rotation).
import { generateSigningKeyPair } from '@mappa/shared';
import { commandFailureText } from './command-failure';

async function main(): Promise<void> {
  const { privateJwk, publicJwk } = await generateSigningKeyPair();
  process.stdout.write(
    [
      '# Gateway only (secret):',
      `GATEWAY_ASSERTION_KEY='${JSON.stringify(privateJwk)}'`,
      '# Every subgraph (public; list old and new keys together while rotating):',
      `GATEWAY_PUBLIC_KEYS='${JSON.stringify({ keys: [publicJwk] })}'`,
      '',
    ].join('\n'),
  );
}

void main().catch((error: unknown) => {
  process.stderr.write(`keys: ${commandFailureText(error)}\n`);
  process.exit(1);
});
