CREATE TABLE "track_merge_entries" (
	"merge_id" integer NOT NULL,
	"set_id" integer NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "track_merge_entries_merge_id_set_id_position_pk" PRIMARY KEY("merge_id","set_id","position")
);
--> statement-breakpoint
CREATE TABLE "track_merge_transitions" (
	"merge_id" integer NOT NULL,
	"set_id" integer NOT NULL,
	"position" integer NOT NULL,
	"from_track_id" integer NOT NULL,
	"to_track_id" integer NOT NULL,
	CONSTRAINT "track_merge_transitions_merge_id_set_id_position_pk" PRIMARY KEY("merge_id","set_id","position")
);
--> statement-breakpoint
ALTER TABLE "track_merge_entries" ADD CONSTRAINT "track_merge_entries_merge_id_track_merges_id_fk" FOREIGN KEY ("merge_id") REFERENCES "public"."track_merges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_merge_entries" ADD CONSTRAINT "track_merge_entries_set_id_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_merge_transitions" ADD CONSTRAINT "track_merge_transitions_merge_id_track_merges_id_fk" FOREIGN KEY ("merge_id") REFERENCES "public"."track_merges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_merge_transitions" ADD CONSTRAINT "track_merge_transitions_set_id_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."sets"("id") ON DELETE cascade ON UPDATE no action;