import { z } from 'zod';
import { principalSchema } from './principal';
import { declaredPurposeSchema } from './purpose';

/** Who is asking and why: what the gateway vouches for to each subgraph. */
export const callerSchema = z.object({
  principal: principalSchema,
  declaredPurpose: declaredPurposeSchema,
});

export type Caller = z.infer<typeof callerSchema>;
