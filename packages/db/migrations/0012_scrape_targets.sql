CREATE TABLE "scrape_targets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scrape_targets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer,
	"track_id" integer,
	"artist" text NOT NULL,
	"title" text NOT NULL,
	"key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_searched_at" timestamp with time zone,
	"task_id" integer,
	"last_result" jsonb,
	CONSTRAINT "scrape_targets_user_key" UNIQUE NULLS NOT DISTINCT("user_id","key")
);
--> statement-breakpoint
ALTER TABLE "scrape_targets" ADD CONSTRAINT "scrape_targets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scrape_targets" ADD CONSTRAINT "scrape_targets_track_id_tracks_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."tracks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scrape_targets" ADD CONSTRAINT "scrape_targets_task_id_scrape_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."scrape_tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scrape_targets_task_idx" ON "scrape_targets" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "scrape_targets_track_idx" ON "scrape_targets" USING btree ("track_id");