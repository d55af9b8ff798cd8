import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateIdentity, loadDataset } from '../src/eval-identity.ts';

const DATASET = new URL(
  '../../../../shared/data/djmix-mixesdb/djmix-dataset-dev-1000.json.gz',
  import.meta.url,
);
const present = existsSync(DATASET);

// The target is P ≥ 0.99 with R ≥ 0.95. Our keys reach R ≈ 0.95 but P ≈ 0.97: the pairs
// counted as false are almost all the same recording uploaded under several YouTube ids (see
// docs/identity.md). These floors guard what is reached against regressions; they are not the target.
const FLOORS = { keysPrecision: 0.97, keysRecall: 0.94, mergedPrecision: 0.965, mergedRecall: 0.945 };
// Against the cleaner truth (YouTube ids joined where lines are equal under cleanerKey level 2), as
// measured on 2026-11-30; the target there is P ≥ 0.99 with R ≥ 0.97 (recall not met: 0.946).
const CLEANER_FLOORS = { keysPrecision: 0.99, keysRecall: 0.945 };
// The same truth split where our rules see two recordings (truthByRules: an original and a remix, an
// edit and a remix): there the keys reach R 0.968 and keys + near-duplicate merges R 0.980 (P 0.983:
// `X Remix Remastered` is `X Remix`, as DESIGN.md reads Remastered, and two uploads in the data; and
// dedupe's blocking also compares one title by artists spelt alike, which merges three artist typos
// the truth keeps apart: `Jan Johnson`/`Jan Johnston`, `Miss Kitten`/`Miss Kittin`, `Del Ray`/`Del Rey`).
// With artists learned from the data the keys meet the target there: R 0.972 at P 0.990.
const BY_RULES_FLOORS = {
  keysPrecision: 0.99,
  keysRecall: 0.965,
  learnedPrecision: 0.99,
  learnedRecall: 0.97,
  mergedPrecision: 0.983,
  mergedRecall: 0.975,
};

describe.skipIf(!present)(
  'identity on djmix-mixesdb (skipped: ../shared/data/djmix-mixesdb is absent)',
  () => {
    const result = present ? evaluateIdentity(loadDataset(DATASET)) : null;

    it('reproduces the naive baseline of the issue (P 0.994, R 0.86)', () => {
      expect(result!.naive.precision).toBeCloseTo(0.994, 2);
      expect(result!.naive.recall).toBeCloseTo(0.86, 2);
    });

    it('identity keys keep their measured precision and recall', () => {
      expect(result!.keys.precision).toBeGreaterThanOrEqual(FLOORS.keysPrecision);
      expect(result!.keys.recall).toBeGreaterThanOrEqual(FLOORS.keysRecall);
      expect(result!.keys.recall).toBeGreaterThan(result!.naive.recall + 0.07);
    });

    it('identity keys keep their precision and recall against the cleaner truth', () => {
      expect(result!.cleaner.level2.keys.precision).toBeGreaterThanOrEqual(CLEANER_FLOORS.keysPrecision);
      expect(result!.cleaner.level2.keys.recall).toBeGreaterThanOrEqual(CLEANER_FLOORS.keysRecall);
      // The cleaner truth only joins what YouTube ids kept apart: every method's precision rises.
      expect(result!.cleaner.level2.keys.precision).toBeGreaterThan(result!.keys.precision);
    });

    it('keeps its figures against the cleaner truth split by our rules, and says what it leaves out', () => {
      const byRules = result!.cleaner.level2ByRules;
      expect(byRules.keys.precision).toBeGreaterThanOrEqual(BY_RULES_FLOORS.keysPrecision);
      expect(byRules.keys.recall).toBeGreaterThanOrEqual(BY_RULES_FLOORS.keysRecall);
      expect(byRules.keysWithLearnedArtists.precision).toBeGreaterThanOrEqual(
        BY_RULES_FLOORS.learnedPrecision,
      );
      expect(byRules.keysWithLearnedArtists.recall).toBeGreaterThanOrEqual(BY_RULES_FLOORS.learnedRecall);
      expect(byRules.keysAndNearDuplicates.precision).toBeGreaterThanOrEqual(BY_RULES_FLOORS.mergedPrecision);
      expect(byRules.keysAndNearDuplicates.recall).toBeGreaterThanOrEqual(BY_RULES_FLOORS.mergedRecall);
      // The pairs left out are counted (100 on 2026-11-30), and stay a small share of the truth.
      const level2Pairs = result!.cleaner.level2.keys.truePairs;
      expect(result!.pairsDifferentByRules).toBe(level2Pairs - byRules.keys.truePairs);
      expect(result!.pairsDifferentByRules).toBeGreaterThan(0);
      expect(result!.pairsDifferentByRules).toBeLessThan(0.03 * level2Pairs);
    });

    it('near-duplicate merges add recall without falling under the precision floor', () => {
      expect(result!.keysAndNearDuplicates.recall).toBeGreaterThanOrEqual(result!.keys.recall);
      expect(result!.keysAndNearDuplicates.recall).toBeGreaterThanOrEqual(FLOORS.mergedRecall);
      expect(result!.keysAndNearDuplicates.precision).toBeGreaterThanOrEqual(FLOORS.mergedPrecision);
    });
  },
);
