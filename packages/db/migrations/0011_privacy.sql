ALTER TABLE "sets" ADD COLUMN "owner_id" integer;--> statement-breakpoint
ALTER TABLE "sets" ADD COLUMN "visibility" text DEFAULT 'public' NOT NULL;--> statement-breakpoint
ALTER TABLE "tracks" ADD COLUMN "private_to" integer[];--> statement-breakpoint
ALTER TABLE "sets" ADD CONSTRAINT "sets_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sets_owner_idx" ON "sets" USING btree ("owner_id");--> statement-breakpoint
ALTER TABLE "sets" ADD CONSTRAINT "sets_visibility_check" CHECK ("sets"."visibility" IN ('public', 'private'));