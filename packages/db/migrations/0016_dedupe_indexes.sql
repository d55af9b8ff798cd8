-- Dedupe (issue 13): candidates come from blocks (core blocking.ts) and the search box from search_titles,
-- so the trigram index on tracks.title_key has no reader left and only slowed every insert. A merge
-- re-points tracks merged earlier into the merged one: an index on merged_into instead of a scan.
DROP INDEX "tracks_title_trgm_idx";--> statement-breakpoint
CREATE INDEX "tracks_merged_into_idx" ON "tracks" USING btree ("merged_into") WHERE "tracks"."merged_into" IS NOT NULL;