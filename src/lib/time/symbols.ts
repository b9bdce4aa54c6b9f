import type { Kind } from '../data/types.ts';

/**
 * Each kind has a shape as well as a colour, so kinds stay apart in greyscale and for
 * colour-blind readers. Paths are centred on 0,0 and fit a 16 px box.
 */
export const SYMBOL_PATH: Record<Kind, string> = {
  error: 'M0,-7.5L7.5,6L-7.5,6Z',
  ruling: 'M-6,-6H6V6H-6Z',
  statement: 'M6.5,0A6.5,6.5 0 1 1 -6.5,0A6.5,6.5 0 1 1 6.5,0Z',
  policy: 'M0,-8L8,0L0,8L-8,0Z',
};
