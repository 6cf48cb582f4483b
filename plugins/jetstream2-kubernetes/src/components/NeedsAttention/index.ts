export { NeedsAttention, type NeedsAttentionProps } from './NeedsAttention';
export { healthyLine } from './healthyLine';
