CREATE TABLE "graph_communities" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "graph_communities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"graph_version" integer NOT NULL,
	"algorithm" text NOT NULL,
	"track_ids" "bytea" NOT NULL,
	"communities" "bytea" NOT NULL,
	"labels" jsonb NOT NULL,
	"modularity" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "graph_layouts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "graph_layouts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"graph_version" integer NOT NULL,
	"kind" text NOT NULL,
	"track_ids" "bytea" NOT NULL,
	"positions" "bytea" NOT NULL,
	"params" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "graph_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "graph_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"track_count" integer NOT NULL,
	"transition_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "graph_communities" ADD CONSTRAINT "graph_communities_graph_version_graph_versions_id_fk" FOREIGN KEY ("graph_version") REFERENCES "public"."graph_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graph_layouts" ADD CONSTRAINT "graph_layouts_graph_version_graph_versions_id_fk" FOREIGN KEY ("graph_version") REFERENCES "public"."graph_versions"("id") ON DELETE cascade ON UPDATE no action;