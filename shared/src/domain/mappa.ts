import { z } from 'zod';

/**
 * MAPPA category: 1 registered sexual offender, 2 violent or other sexual offender,
 * 3 other dangerous offender, 4 terrorist or terrorist-risk offender.
 */
export const mappaCategorySchema = z.number().int().min(1, 'MAPPA category is 1 to 4').max(4, 'MAPPA category is 1 to 4');

/** MAPPA level: 1 ordinary agency management, 2 active multi-agency, 3 active enhanced. */
export const mappaLevelSchema = z.number().int().min(1, 'MAPPA level is 1 to 3').max(3, 'MAPPA level is 1 to 3');

export type MappaCategory = 1 | 2 | 3 | 4;
export type MappaLevel = 1 | 2 | 3;
