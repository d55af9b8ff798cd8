-- Edited by hand from drizzle-kit's DROP + CREATE: the same indexes with a storage parameter, set in place
-- (no rebuild), and the lists already pending merged once.
ALTER INDEX "artists_name_trgm_idx" SET (gin_pending_list_limit=128);--> statement-breakpoint
ALTER INDEX "artists_name_fts_idx" SET (gin_pending_list_limit=128);--> statement-breakpoint
ALTER INDEX "search_titles_trgm_idx" SET (gin_pending_list_limit=128);--> statement-breakpoint
ALTER INDEX "sets_title_fts_idx" SET (gin_pending_list_limit=128);--> statement-breakpoint
ALTER INDEX "tracks_title_trgm_idx" SET (gin_pending_list_limit=128);--> statement-breakpoint
ALTER INDEX "tracks_search_fts_idx" SET (gin_pending_list_limit=128);--> statement-breakpoint
SELECT gin_clean_pending_list('"artists_name_trgm_idx"'::regclass);--> statement-breakpoint
SELECT gin_clean_pending_list('"artists_name_fts_idx"'::regclass);--> statement-breakpoint
SELECT gin_clean_pending_list('"search_titles_trgm_idx"'::regclass);--> statement-breakpoint
SELECT gin_clean_pending_list('"sets_title_fts_idx"'::regclass);--> statement-breakpoint
SELECT gin_clean_pending_list('"tracks_title_trgm_idx"'::regclass);--> statement-breakpoint
SELECT gin_clean_pending_list('"tracks_search_fts_idx"'::regclass);