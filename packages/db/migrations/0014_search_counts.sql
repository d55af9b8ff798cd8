DROP INDEX "track_artists_artist_idx";--> statement-breakpoint
CREATE INDEX "tracks_private_idx" ON "tracks" USING btree ("id") WHERE "tracks"."private_to" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "track_artists_artist_idx" ON "track_artists" USING btree ("artist_id","track_id");