CREATE TABLE `result_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	`period` text NOT NULL
);
--> statement-breakpoint
-- Every committed change to a result, for the roll-up kept in memory (server/domain/rollup-store.ts).
CREATE TRIGGER `results_log_insert` AFTER INSERT ON `results`
BEGIN
  INSERT INTO `result_changes` (`unit_id`, `indicator_id`, `period`) VALUES (NEW.`unit_id`, NEW.`indicator_id`, NEW.`period`);
END;
--> statement-breakpoint
CREATE TRIGGER `results_log_update` AFTER UPDATE OF `unit_id`, `indicator_id`, `period`, `value_x100`, `numerator`, `denominator`, `level` ON `results`
BEGIN
  INSERT INTO `result_changes` (`unit_id`, `indicator_id`, `period`) VALUES (NEW.`unit_id`, NEW.`indicator_id`, NEW.`period`);
  INSERT INTO `result_changes` (`unit_id`, `indicator_id`, `period`) SELECT OLD.`unit_id`, OLD.`indicator_id`, OLD.`period`
    WHERE OLD.`unit_id` <> NEW.`unit_id` OR OLD.`indicator_id` <> NEW.`indicator_id` OR OLD.`period` <> NEW.`period`;
END;
--> statement-breakpoint
CREATE TRIGGER `results_log_delete` AFTER DELETE ON `results`
BEGIN
  INSERT INTO `result_changes` (`unit_id`, `indicator_id`, `period`) VALUES (OLD.`unit_id`, OLD.`indicator_id`, OLD.`period`);
END;
