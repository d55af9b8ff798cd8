CREATE TABLE "api_keys" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "api_keys_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "artist_aliases" (
	"artist_id" integer NOT NULL,
	"alias" text NOT NULL,
	"alias_key" text NOT NULL,
	CONSTRAINT "artist_aliases_artist_id_alias_key_pk" PRIMARY KEY("artist_id","alias_key")
);
--> statement-breakpoint
CREATE TABLE "artists" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "artists_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"subject" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "dedupe_candidates" (
	"track_id" integer NOT NULL,
	"candidate_track_id" integer NOT NULL,
	"score" double precision NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dedupe_candidates_track_id_candidate_track_id_pk" PRIMARY KEY("track_id","candidate_track_id")
);
--> statement-breakpoint
CREATE TABLE "job_progress" (
	"job_id" text PRIMARY KEY NOT NULL,
	"queue" text NOT NULL,
	"state" text NOT NULL,
	"progress" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "refresh_tokens" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "refresh_tokens_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refresh_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "set_entries" (
	"set_id" integer NOT NULL,
	"position" integer NOT NULL,
	"line" integer,
	"raw" text NOT NULL,
	"artist" text,
	"title" text,
	"version" text,
	"label" text,
	"catalog_number" text,
	"cue_seconds" integer,
	"bpm" real,
	"camelot_key" text,
	"track_id" integer,
	"unknown" boolean NOT NULL,
	"with_previous" boolean DEFAULT false NOT NULL,
	"deck" smallint,
	"played_at" timestamp with time zone,
	"issues" jsonb,
	CONSTRAINT "set_entries_set_id_position_pk" PRIMARY KEY("set_id","position")
);
--> statement-breakpoint
CREATE TABLE "set_performers" (
	"set_id" integer NOT NULL,
	"artist_id" integer NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "set_performers_set_id_position_pk" PRIMARY KEY("set_id","position")
);
--> statement-breakpoint
CREATE TABLE "set_transitions" (
	"set_id" integer NOT NULL,
	"position" integer NOT NULL,
	"from_track_id" integer NOT NULL,
	"to_track_id" integer NOT NULL,
	CONSTRAINT "set_transitions_set_id_position_pk" PRIMARY KEY("set_id","position")
);
--> statement-breakpoint
CREATE TABLE "sets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"source_id" integer NOT NULL,
	"external_id" text NOT NULL,
	"content_hash" text NOT NULL,
	"url" text,
	"title" text,
	"kind" text NOT NULL,
	"event" text,
	"venue" text,
	"played_on" date,
	"date_precision" text,
	"entry_count" integer DEFAULT 0 NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sets_kind_check" CHECK ("sets"."kind" IN ('mix', 'radio_show', 'live_set', 'concert', 'history', 'playlist'))
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sources_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"base_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sources_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "track_artists" (
	"track_id" integer NOT NULL,
	"artist_id" integer NOT NULL,
	"role" text NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "track_artists_track_id_role_position_pk" PRIMARY KEY("track_id","role","position"),
	CONSTRAINT "track_artists_role_check" CHECK ("track_artists"."role" IN ('primary', 'featured', 'remixer'))
);
--> statement-breakpoint
CREATE TABLE "track_components" (
	"track_id" integer NOT NULL,
	"component_track_id" integer NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "track_components_track_id_position_pk" PRIMARY KEY("track_id","position")
);
--> statement-breakpoint
CREATE TABLE "track_merges" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "track_merges_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kept_track_id" integer NOT NULL,
	"merged_track_id" integer NOT NULL,
	"score" double precision,
	"method" text NOT NULL,
	"actor" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tracks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tracks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"key" text NOT NULL,
	"original_key" text NOT NULL,
	"original_track_id" integer,
	"artist_name" text NOT NULL,
	"title" text NOT NULL,
	"title_key" text NOT NULL,
	"version" text,
	"version_kind" text DEFAULT 'original' NOT NULL,
	"is_mashup" boolean DEFAULT false NOT NULL,
	"bpm" real,
	"camelot_key" text,
	"genre" text,
	"year" smallint,
	"duration_seconds" integer,
	"merged_into" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tracks_camelot_key_check" CHECK ("tracks"."camelot_key" IS NULL OR "tracks"."camelot_key" ~ '^(1[0-2]|[1-9])[AB]$'),
	CONSTRAINT "tracks_bpm_check" CHECK ("tracks"."bpm" IS NULL OR ("tracks"."bpm" >= 50 AND "tracks"."bpm" <= 300))
);
--> statement-breakpoint
CREATE TABLE "transition_djs" (
	"from_track_id" integer NOT NULL,
	"to_track_id" integer NOT NULL,
	"artist_id" integer NOT NULL,
	"set_count" integer NOT NULL,
	CONSTRAINT "transition_djs_from_track_id_to_track_id_artist_id_pk" PRIMARY KEY("from_track_id","to_track_id","artist_id")
);
--> statement-breakpoint
CREATE TABLE "transitions" (
	"from_track_id" integer NOT NULL,
	"to_track_id" integer NOT NULL,
	"count" integer NOT NULL,
	"set_count" integer NOT NULL,
	"dj_count" integer NOT NULL,
	"first_date" date,
	"last_date" date,
	CONSTRAINT "transitions_from_track_id_to_track_id_pk" PRIMARY KEY("from_track_id","to_track_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"display_name" text,
	"password_hash" text,
	"role" text DEFAULT 'user' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "artist_aliases" ADD CONSTRAINT "artist_aliases_artist_id_artists_id_fk" FOREIGN KEY ("artist_id") REFERENCES "public"."artists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dedupe_candidates" ADD CONSTRAINT "dedupe_candidates_track_id_tracks_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."tracks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dedupe_candidates" ADD CONSTRAINT "dedupe_candidates_candidate_track_id_tracks_id_fk" FOREIGN KEY ("candidate_track_id") REFERENCES "public"."tracks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "set_entries" ADD CONSTRAINT "set_entries_set_id_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "set_entries" ADD CONSTRAINT "set_entries_track_id_tracks_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."tracks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "set_performers" ADD CONSTRAINT "set_performers_set_id_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "set_performers" ADD CONSTRAINT "set_performers_artist_id_artists_id_fk" FOREIGN KEY ("artist_id") REFERENCES "public"."artists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "set_transitions" ADD CONSTRAINT "set_transitions_set_id_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sets" ADD CONSTRAINT "sets_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_artists" ADD CONSTRAINT "track_artists_track_id_tracks_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."tracks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_artists" ADD CONSTRAINT "track_artists_artist_id_artists_id_fk" FOREIGN KEY ("artist_id") REFERENCES "public"."artists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_components" ADD CONSTRAINT "track_components_track_id_tracks_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."tracks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_components" ADD CONSTRAINT "track_components_component_track_id_tracks_id_fk" FOREIGN KEY ("component_track_id") REFERENCES "public"."tracks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transitions" ADD CONSTRAINT "transitions_from_track_id_tracks_id_fk" FOREIGN KEY ("from_track_id") REFERENCES "public"."tracks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transitions" ADD CONSTRAINT "transitions_to_track_id_tracks_id_fk" FOREIGN KEY ("to_track_id") REFERENCES "public"."tracks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "artist_aliases_key_idx" ON "artist_aliases" USING btree ("alias_key");--> statement-breakpoint
CREATE UNIQUE INDEX "artists_key_idx" ON "artists" USING btree ("key");--> statement-breakpoint
CREATE INDEX "artists_name_trgm_idx" ON "artists" USING gin ("key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "set_entries_track_idx" ON "set_entries" USING btree ("track_id");--> statement-breakpoint
CREATE INDEX "set_performers_artist_idx" ON "set_performers" USING btree ("artist_id");--> statement-breakpoint
CREATE INDEX "set_transitions_pair_idx" ON "set_transitions" USING btree ("from_track_id","to_track_id");--> statement-breakpoint
CREATE INDEX "set_transitions_to_idx" ON "set_transitions" USING btree ("to_track_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sets_source_external_idx" ON "sets" USING btree ("source_id","external_id");--> statement-breakpoint
CREATE INDEX "track_artists_artist_idx" ON "track_artists" USING btree ("artist_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tracks_key_idx" ON "tracks" USING btree ("key");--> statement-breakpoint
CREATE INDEX "tracks_original_key_idx" ON "tracks" USING btree ("original_key");--> statement-breakpoint
CREATE INDEX "tracks_title_trgm_idx" ON "tracks" USING gin ("title_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "transitions_to_idx" ON "transitions" USING btree ("to_track_id");