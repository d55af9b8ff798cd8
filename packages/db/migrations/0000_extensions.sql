-- Trigram similarity for near-duplicate candidates and search; unaccent for diacritic-insensitive search.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
