CREATE TABLE "triage_clusters" (
	"project_id" text NOT NULL,
	"id" text NOT NULL,
	"signature" text NOT NULL,
	"title" text NOT NULL,
	"class" text NOT NULL,
	"decided_by" text NOT NULL,
	"correction" jsonb,
	"first_seen" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen" timestamp with time zone DEFAULT now() NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "triage_clusters_project_id_id_pk" PRIMARY KEY("project_id","id")
);
--> statement-breakpoint
CREATE TABLE "triage_sightings" (
	"project_id" text NOT NULL,
	"cluster_id" text NOT NULL,
	"run_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"class" text NOT NULL,
	"decided_by" text NOT NULL,
	"failures" integer NOT NULL,
	CONSTRAINT "triage_sightings_project_id_cluster_id_run_id_pk" PRIMARY KEY("project_id","cluster_id","run_id")
);
--> statement-breakpoint
ALTER TABLE "triage_clusters" ADD CONSTRAINT "triage_clusters_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triage_sightings" ADD CONSTRAINT "triage_sightings_project_id_cluster_id_triage_clusters_project_id_id_fk" FOREIGN KEY ("project_id","cluster_id") REFERENCES "public"."triage_clusters"("project_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "triage_clusters_project_last_seen" ON "triage_clusters" USING btree ("project_id","last_seen");