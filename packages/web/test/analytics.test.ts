import { describe, expect, it } from 'vitest';
import { monthRange } from '../src/views/Analytics.tsx';

describe('analytics months', () => {
  it('lists every month between two, across years, so gaps in time show as gaps', () => {
    expect(monthRange('2019-11', '2020-02')).toEqual(['2019-11', '2019-12', '2020-01', '2020-02']);
    expect(monthRange('2020-05', '2020-05')).toEqual(['2020-05']);
  });
});
