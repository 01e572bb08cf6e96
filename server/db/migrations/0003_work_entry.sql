CREATE TABLE `member_ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`period` text NOT NULL,
	`excellent` integer NOT NULL,
	`good` integer NOT NULL,
	`complete` integer NOT NULL,
	`not_complete` integer NOT NULL,
	`outstanding` integer DEFAULT false NOT NULL,
	`note` text,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `member_ratings_key` ON `member_ratings` (`unit_id`,`period`);--> statement-breakpoint
CREATE TABLE `target_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`period` text NOT NULL,
	`lines` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `target_lines_key` ON `target_lines` (`unit_id`,`period`);--> statement-breakpoint
ALTER TABLE `indicators` ADD `member_rating` text;--> statement-breakpoint
CREATE UNIQUE INDEX `indicators_member_rating_unique` ON `indicators` (`member_rating`);