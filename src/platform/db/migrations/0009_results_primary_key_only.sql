-- A run writes 100,000 results at once: every index on evaluation_results is maintained row by row
-- during that COPY. Only the primary key (run_id, enterprise_id) stays; a run writes its rows in
-- key order, so the key grows at its right edge. A run's reads go through the key's run_id prefix,
-- an enterprise's history through the key run by run.
DROP INDEX "evaluation_results_run_cohort_rank";--> statement-breakpoint
DROP INDEX "evaluation_results_enterprise";
