CREATE TABLE "scrape_pages" (
	"url" text PRIMARY KEY NOT NULL,
	"status" smallint NOT NULL,
	"etag" text,
	"last_modified" text,
	"content_type" text,
	"body" "bytea" NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL,
	"checked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scrape_quota" (
	"source" text NOT NULL,
	"day" date NOT NULL,
	"used" integer NOT NULL,
	CONSTRAINT "scrape_quota_source_day_pk" PRIMARY KEY("source","day")
);
--> statement-breakpoint
CREATE TABLE "scrape_source_health" (
	"source" text PRIMARY KEY NOT NULL,
	"successes" integer DEFAULT 0 NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"last_success_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "scrape_task_items" (
	"task_id" integer NOT NULL,
	"url" text NOT NULL,
	"sets_stored" integer NOT NULL,
	"sets_unchanged" integer NOT NULL,
	"done_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scrape_task_items_task_id_url_pk" PRIMARY KEY("task_id","url")
);
--> statement-breakpoint
CREATE TABLE "scrape_tasks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scrape_tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"key" text NOT NULL,
	"source" text NOT NULL,
	"kind" text NOT NULL,
	"spec" jsonb NOT NULL,
	"priority" text DEFAULT 'normal' NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"job_id" text,
	"progress" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"result" jsonb,
	"error" text,
	"resume_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scrape_tasks_state_check" CHECK ("scrape_tasks"."state" IN ('queued', 'running', 'waiting_quota', 'completed', 'failed', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "scraped_sets" (
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"url" text NOT NULL,
	"confidence" real NOT NULL,
	"task_id" integer,
	"scraped_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scraped_sets_source_external_id_pk" PRIMARY KEY("source","external_id"),
	CONSTRAINT "scraped_sets_confidence_check" CHECK ("scraped_sets"."confidence" > 0 AND "scraped_sets"."confidence" <= 1)
);
--> statement-breakpoint
ALTER TABLE "scrape_task_items" ADD CONSTRAINT "scrape_task_items_task_id_scrape_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."scrape_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "scrape_tasks_open_key_idx" ON "scrape_tasks" USING btree ("key") WHERE "scrape_tasks"."state" IN ('queued', 'running', 'waiting_quota');--> statement-breakpoint
CREATE INDEX "scrape_tasks_created_idx" ON "scrape_tasks" USING btree ("created_at");