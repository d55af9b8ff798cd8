ALTER TABLE "set_entries" DROP CONSTRAINT "set_entries_set_id_sets_id_fk";
--> statement-breakpoint
ALTER TABLE "set_entries" DROP CONSTRAINT "set_entries_track_id_tracks_id_fk";
--> statement-breakpoint
ALTER TABLE "set_performers" DROP CONSTRAINT "set_performers_set_id_sets_id_fk";
--> statement-breakpoint
ALTER TABLE "set_performers" DROP CONSTRAINT "set_performers_artist_id_artists_id_fk";
--> statement-breakpoint
ALTER TABLE "set_transitions" DROP CONSTRAINT "set_transitions_set_id_sets_id_fk";
--> statement-breakpoint
ALTER TABLE "track_artists" DROP CONSTRAINT "track_artists_track_id_tracks_id_fk";
--> statement-breakpoint
ALTER TABLE "track_artists" DROP CONSTRAINT "track_artists_artist_id_artists_id_fk";
--> statement-breakpoint
ALTER TABLE "track_components" DROP CONSTRAINT "track_components_track_id_tracks_id_fk";
--> statement-breakpoint
ALTER TABLE "track_components" DROP CONSTRAINT "track_components_component_track_id_tracks_id_fk";
--> statement-breakpoint
ALTER TABLE "transitions" DROP CONSTRAINT "transitions_from_track_id_tracks_id_fk";
--> statement-breakpoint
ALTER TABLE "transitions" DROP CONSTRAINT "transitions_to_track_id_tracks_id_fk";
