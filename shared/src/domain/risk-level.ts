import { registerEnumType } from 'type-graphql';
import { z } from 'zod';

/** Risk of serious harm bands used by OASys (probation), RM2000 (police) and AssetPlus (youth). */
export enum RiskLevel {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  VERY_HIGH = 'VERY_HIGH',
}

export const riskLevelSchema = z.enum(RiskLevel);

registerEnumType(RiskLevel, {
  name: 'RiskLevel',
  description: 'A risk band: LOW, MEDIUM, HIGH or VERY_HIGH (OASys, RM2000 and AssetPlus all use these four).',
});
