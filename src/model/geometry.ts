import { z } from 'zod';

/** A box in PDF points, origin at the top-left of the page, y growing downwards. */
export const BBox = z.tuple([z.number(), z.number(), z.number(), z.number()]).describe('[x0, y0, x1, y1] in points, top-left origin');
export type BBox = z.infer<typeof BBox>;

export function bboxUnion(a: BBox, b: BBox): BBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}
