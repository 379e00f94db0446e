export { loadStackConfig } from './config';
export type { StackConfig } from './config';
export { startLocalStack } from './local-stack';
export type { LocalStack, LocalStackOptions } from './local-stack';
export { AGENCIES, SUBGRAPHS } from './subgraphs';
export type { SubgraphName } from './subgraphs';
