ALTER TABLE `indicators` ADD `applies_to` text;--> statement-breakpoint
ALTER TABLE `indicators` ADD `derived` text;--> statement-breakpoint
ALTER TABLE `member_ratings` ADD `unrated` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `targets` ADD `change_kind` text;--> statement-breakpoint
ALTER TABLE `targets` ADD `change_x100` integer;--> statement-breakpoint
ALTER TABLE `targets` ADD `each_year` integer DEFAULT false NOT NULL;