/**
 * Establishes, by running the real libraries, what each logger family prints for each call shape, and
 * asserts the table in family-facts.ts: a library upgrade that changes one of these facts fails here,
 * with the printed output.
 */
import { describe, expect, it } from 'vitest';
import { FAMILY_FACTS, type Family, type Shape } from './family-facts';
import { FAMILIES, observe, printed, SHAPES } from './family-runners';

const families = Object.keys(FAMILIES) as Family[];
const shapes = Object.keys(SHAPES) as Shape[];

describe('logger family facts', () => {
  it('the table covers every family and every shape', () => {
    expect(Object.keys(FAMILY_FACTS).sort()).toEqual([...families].sort());
    for (const family of families)
      expect(Object.keys(FAMILY_FACTS[family]).sort(), family).toEqual([...shapes].sort());
  });

  for (const family of families) {
    describe(family, () => {
      for (const shape of shapes) {
        it(shape, async () => {
          const output = await printed(family, shape);
          expect(observe(shape, output), `${family} ${shape} printed:\n${output}`).toEqual(
            FAMILY_FACTS[family][shape],
          );
        });
      }
    });
  }
});
