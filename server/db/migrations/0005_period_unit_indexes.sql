DROP INDEX `results_period_idx`;--> statement-breakpoint
CREATE INDEX `results_period_unit_idx` ON `results` (`period`,`unit_id`);--> statement-breakpoint
DROP INDEX `targets_period_idx`;--> statement-breakpoint
CREATE INDEX `targets_period_unit_idx` ON `targets` (`period`,`unit_id`);