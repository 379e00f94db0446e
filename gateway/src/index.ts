export { loadGatewayConfig, subgraphUrlsFrom } from './config';
export type { GatewayEnv } from './config';
export { startGateway } from './gateway';
export type { GatewayOptions } from './gateway';
export { SUPERGRAPH_PATH, readSupergraph } from './supergraph';
