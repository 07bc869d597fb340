CREATE TABLE "project_behaviors" (
	"project_id" text PRIMARY KEY NOT NULL,
	"yaml" text NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "project_behaviors" ADD CONSTRAINT "project_behaviors_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;