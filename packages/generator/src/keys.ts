// Musical keys as DJ software writes them. Keys are core's Camelot keys; this file only adds the
// notations an export may use, so that the importers' key parsing meets all of them.

import { type CamelotKey, musicalKeyName, openKeyName } from '@songnodes/core';

export type KeyNotation = 'camelot' | 'short' | 'long' | 'openkey';

export const KEY_NOTATIONS: readonly KeyNotation[] = ['camelot', 'short', 'long', 'openkey'];

/** "8A", "Am", "A minor" or "1m" for the same key. */
export function formatKey(key: CamelotKey, notation: KeyNotation): string {
  switch (notation) {
    case 'camelot':
      return key;
    case 'short':
      return musicalKeyName(key);
    case 'long': {
      const name = musicalKeyName(key);
      return name.endsWith('m') ? `${name.slice(0, -1)} minor` : `${name} major`;
    }
    case 'openkey':
      return openKeyName(key);
  }
}
