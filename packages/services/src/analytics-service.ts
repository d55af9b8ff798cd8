// The analytics view's numbers: top tracks, transitions and DJs, genres, activity per month — under
// the same filters as the graph (checked here, naming the parameter at fault).
import { type AnalyticsFilter, analytics, type Database } from '@songnodes/db';
import { checkKeys, invalid } from './errors.ts';

export class AnalyticsService {
  private readonly db: Database;

  constructor(deps: { db: Database }) {
    this.db = deps.db;
  }

  private check(f: AnalyticsFilter): AnalyticsFilter {
    checkKeys(f.keys);
    if (f.bpmMin !== undefined && f.bpmMax !== undefined && f.bpmMin > f.bpmMax)
      throw invalid('bpmMin', `bpmMin (${f.bpmMin}) is above bpmMax (${f.bpmMax})`);
    if (f.yearFrom !== undefined && f.yearTo !== undefined && f.yearFrom > f.yearTo)
      throw invalid('yearFrom', `yearFrom (${f.yearFrom}) is after yearTo (${f.yearTo})`);
    return f;
  }

  topTracks(f: AnalyticsFilter, limit: number) {
    return analytics.topTracks(this.db, this.check(f), limit);
  }
  topTransitions(f: AnalyticsFilter, limit: number) {
    return analytics.topTransitions(this.db, this.check(f), limit);
  }
  topDjs(f: AnalyticsFilter, limit: number) {
    return analytics.topDjs(this.db, this.check(f), limit);
  }
  genres(f: AnalyticsFilter) {
    return analytics.genreCounts(this.db, this.check(f));
  }
  activity(f: AnalyticsFilter) {
    return analytics.activityByMonth(this.db, this.check(f));
  }
}
