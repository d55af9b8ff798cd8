DROP TABLE "transition_djs" CASCADE;--> statement-breakpoint
DROP INDEX "tracks_original_key_idx";--> statement-breakpoint
CREATE INDEX "tracks_original_key_idx" ON "tracks" USING btree ("original_key") WHERE "tracks"."version" IS NOT NULL;