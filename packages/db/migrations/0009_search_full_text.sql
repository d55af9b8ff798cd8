DROP INDEX "sets_title_trgm_idx";--> statement-breakpoint
CREATE INDEX "artists_name_fts_idx" ON "artists" USING gin (to_tsvector('simple', "name"));--> statement-breakpoint
CREATE INDEX "sets_title_fts_idx" ON "sets" USING gin (to_tsvector('simple', coalesce("title", '')));--> statement-breakpoint
CREATE INDEX "tracks_search_fts_idx" ON "tracks" USING gin (to_tsvector('simple', "artist_name" || ' ' || "title"));