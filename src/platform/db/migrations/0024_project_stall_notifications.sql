ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_valid";--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_valid" CHECK ("notifications"."kind" in ('assigned','due_soon','overdue','escalated','rated','answered','closed','progress','task_supervised','project_stalled'));--> statement-breakpoint
-- T6 (major_projects) is computed from the projects and their approved signings: adding or editing
-- a project, or submitting or deciding a stage change, moves the data version.
CREATE TRIGGER projects_data_version AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF total_investment, platform_id, status, end_date, stage ON projects FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();--> statement-breakpoint
CREATE TRIGGER project_stage_changes_data_version AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF status, stage_date ON project_stage_changes FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
