export { loadStackConfig } from './config';
export type { StackConfig } from './config';
export { startLocalStack } from './local-stack';
export type { LocalStack, LocalStackOptions } from './local-stack';
export { seedAllAgencies } from './seed-all';
export { SUBGRAPHS } from './subgraphs';
export type { SubgraphName } from './subgraphs';
