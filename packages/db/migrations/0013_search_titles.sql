CREATE TABLE "search_titles" (
	"key" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_titles_trgm_idx" ON "search_titles" USING gin ("key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "tracks_title_key_idx" ON "tracks" USING btree ("title_key");--> statement-breakpoint
-- Written by hand (drizzle-kit has no triggers): each INSERT into tracks adds its new title keys, in one
-- statement per INSERT (imports insert tracks in batches), sorted so that concurrent imports take the
-- keys' locks in the same order; then the titles already stored are copied once.
CREATE FUNCTION search_titles_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_titles (key)
    SELECT DISTINCT title_key FROM new_tracks ORDER BY title_key ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER tracks_search_titles AFTER INSERT ON tracks REFERENCING NEW TABLE AS new_tracks
  FOR EACH STATEMENT EXECUTE FUNCTION search_titles_add();--> statement-breakpoint
INSERT INTO search_titles (key) SELECT DISTINCT title_key FROM tracks ORDER BY title_key ON CONFLICT DO NOTHING;
