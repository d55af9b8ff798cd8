ALTER TABLE "set_entries" ALTER COLUMN "cue_seconds" SET DATA TYPE real;--> statement-breakpoint
ALTER TABLE "tracks" ALTER COLUMN "duration_seconds" SET DATA TYPE real;