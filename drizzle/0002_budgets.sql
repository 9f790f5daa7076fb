CREATE TABLE "budgets_appeals" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"author_id" text,
	"decision_id" text NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decision_reason" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budgets_ballots" (
	"id" text PRIMARY KEY NOT NULL,
	"module_id" text NOT NULL,
	"channel" text NOT NULL,
	"desk_id" text,
	"choices" jsonb NOT NULL,
	"receipt_hash" text NOT NULL,
	"change_key" text,
	"public_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budgets_categories" (
	"id" text PRIMARY KEY NOT NULL,
	"module_id" text NOT NULL,
	"name" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budgets_decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"kind" text NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"cost" bigint,
	"decided_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budgets_desks" (
	"id" text PRIMARY KEY NOT NULL,
	"module_id" text NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budgets_paper_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"module_id" text NOT NULL,
	"desk_id" text NOT NULL,
	"serial" text NOT NULL,
	"entry" integer NOT NULL,
	"entered_by" text,
	"choices" jsonb NOT NULL,
	"invalid_reason" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budgets_progress" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"status" text NOT NULL,
	"progress" integer NOT NULL,
	"spent" bigint,
	"text" jsonb NOT NULL,
	"photo_file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"author_id" text,
	"submission_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budgets_project_files" (
	"project_id" text NOT NULL,
	"file_id" text NOT NULL,
	"kind" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "budgets_project_files_project_id_file_id_pk" PRIMARY KEY("project_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "budgets_projects" (
	"id" text PRIMARY KEY NOT NULL,
	"module_id" text NOT NULL,
	"zone_id" text NOT NULL,
	"code" text NOT NULL,
	"author_id" text,
	"author_kind" text DEFAULT 'citizen' NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"category_id" text,
	"neighbourhood_id" text,
	"address" text,
	"latitude" double precision,
	"longitude" double precision,
	"estimated_cost" bigint NOT NULL,
	"city_cost" bigint,
	"eligibility" text DEFAULT 'pending' NOT NULL,
	"eligibility_reason" text,
	"evaluation" text DEFAULT 'pending' NOT NULL,
	"evaluation_reason" text,
	"department_id" text,
	"withdrawn_at" timestamp with time zone,
	"votes" integer,
	"funded" boolean,
	"implementation_status" text,
	"progress" integer,
	"spent" bigint,
	"submission_key" text,
	"edited_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budgets_projects_cost_positive" CHECK ("budgets_projects"."estimated_cost" > 0)
);
--> statement-breakpoint
CREATE TABLE "budgets_results" (
	"zone_id" text PRIMARY KEY NOT NULL,
	"module_id" text NOT NULL,
	"rule" text NOT NULL,
	"tie_break" text NOT NULL,
	"funded" jsonb NOT NULL,
	"outcome" jsonb NOT NULL,
	"leftover" bigint NOT NULL,
	"leftover_action" text,
	"ballots_file" text NOT NULL,
	"ballots_sha256" text NOT NULL,
	"ballots" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budgets_voters" (
	"module_id" text NOT NULL,
	"user_id" text NOT NULL,
	"channel" text NOT NULL,
	"desk_id" text,
	"staff_id" text,
	"casts" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budgets_voters_module_id_user_id_pk" PRIMARY KEY("module_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "budgets_zones" (
	"id" text PRIMARY KEY NOT NULL,
	"module_id" text NOT NULL,
	"zone_id" text,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"budget" bigint NOT NULL,
	"max_project_cost" bigint,
	"min_eligible_projects" integer DEFAULT 0 NOT NULL,
	"population" integer,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budgets_zones_budget_positive" CHECK ("budgets_zones"."budget" > 0)
);
--> statement-breakpoint
ALTER TABLE "budgets_appeals" ADD CONSTRAINT "budgets_appeals_project_id_budgets_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."budgets_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_appeals" ADD CONSTRAINT "budgets_appeals_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_appeals" ADD CONSTRAINT "budgets_appeals_decision_id_budgets_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."budgets_decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_appeals" ADD CONSTRAINT "budgets_appeals_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_ballots" ADD CONSTRAINT "budgets_ballots_module_id_module_instances_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."module_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_ballots" ADD CONSTRAINT "budgets_ballots_desk_id_budgets_desks_id_fk" FOREIGN KEY ("desk_id") REFERENCES "public"."budgets_desks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_categories" ADD CONSTRAINT "budgets_categories_module_id_module_instances_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."module_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_decisions" ADD CONSTRAINT "budgets_decisions_project_id_budgets_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."budgets_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_decisions" ADD CONSTRAINT "budgets_decisions_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_desks" ADD CONSTRAINT "budgets_desks_module_id_module_instances_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."module_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_paper_entries" ADD CONSTRAINT "budgets_paper_entries_module_id_module_instances_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."module_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_paper_entries" ADD CONSTRAINT "budgets_paper_entries_desk_id_budgets_desks_id_fk" FOREIGN KEY ("desk_id") REFERENCES "public"."budgets_desks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_paper_entries" ADD CONSTRAINT "budgets_paper_entries_entered_by_user_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_progress" ADD CONSTRAINT "budgets_progress_project_id_budgets_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."budgets_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_progress" ADD CONSTRAINT "budgets_progress_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_project_files" ADD CONSTRAINT "budgets_project_files_project_id_budgets_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."budgets_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_project_files" ADD CONSTRAINT "budgets_project_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_projects" ADD CONSTRAINT "budgets_projects_module_id_module_instances_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."module_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_projects" ADD CONSTRAINT "budgets_projects_zone_id_budgets_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."budgets_zones"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_projects" ADD CONSTRAINT "budgets_projects_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_projects" ADD CONSTRAINT "budgets_projects_category_id_budgets_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."budgets_categories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_projects" ADD CONSTRAINT "budgets_projects_neighbourhood_id_neighbourhoods_id_fk" FOREIGN KEY ("neighbourhood_id") REFERENCES "public"."neighbourhoods"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_projects" ADD CONSTRAINT "budgets_projects_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_results" ADD CONSTRAINT "budgets_results_zone_id_budgets_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."budgets_zones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_results" ADD CONSTRAINT "budgets_results_module_id_module_instances_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."module_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_voters" ADD CONSTRAINT "budgets_voters_module_id_module_instances_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."module_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_voters" ADD CONSTRAINT "budgets_voters_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_voters" ADD CONSTRAINT "budgets_voters_desk_id_budgets_desks_id_fk" FOREIGN KEY ("desk_id") REFERENCES "public"."budgets_desks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_voters" ADD CONSTRAINT "budgets_voters_staff_id_user_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_zones" ADD CONSTRAINT "budgets_zones_module_id_module_instances_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."module_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets_zones" ADD CONSTRAINT "budgets_zones_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budgets_appeals_project_id_index" ON "budgets_appeals" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budgets_appeals_one_pending" ON "budgets_appeals" USING btree ("project_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "budgets_ballots_module_id_index" ON "budgets_ballots" USING btree ("module_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budgets_ballots_receipt_hash_index" ON "budgets_ballots" USING btree ("receipt_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "budgets_ballots_module_id_public_id_index" ON "budgets_ballots" USING btree ("module_id","public_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budgets_ballots_change_key_index" ON "budgets_ballots" USING btree ("change_key");--> statement-breakpoint
CREATE INDEX "budgets_categories_module_id_position_index" ON "budgets_categories" USING btree ("module_id","position");--> statement-breakpoint
CREATE INDEX "budgets_decisions_project_id_created_at_index" ON "budgets_decisions" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "budgets_desks_module_id_index" ON "budgets_desks" USING btree ("module_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budgets_paper_entries_module_id_serial_entry_index" ON "budgets_paper_entries" USING btree ("module_id","serial","entry");--> statement-breakpoint
CREATE INDEX "budgets_paper_entries_module_id_status_index" ON "budgets_paper_entries" USING btree ("module_id","status");--> statement-breakpoint
CREATE INDEX "budgets_progress_project_id_created_at_index" ON "budgets_progress" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "budgets_progress_project_id_submission_key_index" ON "budgets_progress" USING btree ("project_id","submission_key");--> statement-breakpoint
CREATE INDEX "budgets_project_files_file_id_index" ON "budgets_project_files" USING btree ("file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budgets_projects_module_id_code_index" ON "budgets_projects" USING btree ("module_id","code");--> statement-breakpoint
CREATE INDEX "budgets_projects_module_id_zone_id_index" ON "budgets_projects" USING btree ("module_id","zone_id");--> statement-breakpoint
CREATE INDEX "budgets_projects_author_id_index" ON "budgets_projects" USING btree ("author_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budgets_projects_author_id_submission_key_index" ON "budgets_projects" USING btree ("author_id","submission_key");--> statement-breakpoint
CREATE INDEX "budgets_results_module_id_index" ON "budgets_results" USING btree ("module_id");--> statement-breakpoint
CREATE INDEX "budgets_voters_module_id_channel_index" ON "budgets_voters" USING btree ("module_id","channel");--> statement-breakpoint
CREATE UNIQUE INDEX "budgets_zones_module_id_code_index" ON "budgets_zones" USING btree ("module_id","code");--> statement-breakpoint
CREATE INDEX "budgets_zones_module_id_position_index" ON "budgets_zones" USING btree ("module_id","position");