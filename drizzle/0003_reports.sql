CREATE TABLE "reports_api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "reports_api_keys_keyHash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "reports_categories" (
	"id" text PRIMARY KEY NOT NULL,
	"module_id" text NOT NULL,
	"parent_id" text,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb DEFAULT '{"ro":""}'::jsonb NOT NULL,
	"department_id" text,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"keywords" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports_photos" (
	"id" text PRIMARY KEY NOT NULL,
	"report_id" text NOT NULL,
	"update_id" text,
	"file_id" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports_reminders" (
	"report_id" text NOT NULL,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_reminders_report_id_kind_due_on_pk" PRIMARY KEY("report_id","kind","due_on")
);
--> statement-breakpoint
CREATE TABLE "reports_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "reports_reports_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"module_id" text NOT NULL,
	"category_id" text NOT NULL,
	"department_id" text NOT NULL,
	"assignee_id" text,
	"state" text DEFAULT 'new' NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"location" "point",
	"address" text,
	"neighbourhood_id" text,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"author_id" text,
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"show_name" boolean DEFAULT false NOT NULL,
	"anonymous_notice" boolean DEFAULT false NOT NULL,
	"locale" text DEFAULT 'ro' NOT NULL,
	"channel" text DEFAULT 'web' NOT NULL,
	"api_key_id" text,
	"token" text NOT NULL,
	"due_on" date,
	"extended_due_on" date,
	"extension_reason" text,
	"duplicate_of_id" text,
	"responsible_body" text,
	"forwarded_at" timestamp with time zone,
	"state_reason" text,
	"supporters_count" integer DEFAULT 0 NOT NULL,
	"hidden_at" timestamp with time zone,
	"first_answered_at" timestamp with time zone,
	"fixed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_reports_number_unique" UNIQUE("number"),
	CONSTRAINT "reports_reports_token_unique" UNIQUE("token"),
	CONSTRAINT "reports_reports_lat_lng" CHECK (("reports_reports"."lat" IS NULL) = ("reports_reports"."lng" IS NULL)),
	CONSTRAINT "reports_reports_place" CHECK ("reports_reports"."lat" IS NOT NULL OR "reports_reports"."address" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "reports_subscriptions" (
	"id" text PRIMARY KEY NOT NULL,
	"module_id" text NOT NULL,
	"user_id" text,
	"neighbourhood_id" text,
	"lat" double precision,
	"lng" double precision,
	"radius_meters" integer,
	"label" text,
	"email" boolean DEFAULT true NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_subscriptions_token_unique" UNIQUE("token"),
	CONSTRAINT "reports_subscriptions_area" CHECK ("reports_subscriptions"."neighbourhood_id" IS NOT NULL OR ("reports_subscriptions"."lat" IS NOT NULL AND "reports_subscriptions"."lng" IS NOT NULL AND "reports_subscriptions"."radius_meters" > 0))
);
--> statement-breakpoint
CREATE TABLE "reports_supports" (
	"report_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_supports_report_id_user_id_pk" PRIMARY KEY("report_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "reports_updates" (
	"id" text PRIMARY KEY NOT NULL,
	"report_id" text NOT NULL,
	"kind" text NOT NULL,
	"author_id" text,
	"from_state" text,
	"to_state" text,
	"text" text DEFAULT '' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"api_key_id" text,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "department_members" ADD COLUMN "head" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "reports_api_keys" ADD CONSTRAINT "reports_api_keys_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports_categories" ADD CONSTRAINT "reports_categories_module_id_module_instances_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."module_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports_categories" ADD CONSTRAINT "reports_categories_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports_photos" ADD CONSTRAINT "reports_photos_report_id_reports_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports_photos" ADD CONSTRAINT "reports_photos_update_id_reports_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."reports_updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports_photos" ADD CONSTRAINT "reports_photos_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports_reminders" ADD CONSTRAINT "reports_reminders_report_id_reports_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports_reports" ADD CONSTRAINT "reports_reports_module_id_module_instances_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."module_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports_reports" ADD CONSTRAINT "reports_reports_category_id_reports_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."reports_categories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports_reports" ADD CONSTRAINT "reports_reports_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports_reports" ADD CONSTRAINT "reports_reports_assignee_id_user_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports_reports" ADD CONSTRAINT "reports_reports_neighbourhood_id_neighbourhoods_id_fk" FOREIGN KEY ("neighbourhood_id") REFERENCES "public"."neighbourhoods"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports_reports" ADD CONSTRAINT "reports_reports_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports_subscriptions" ADD CONSTRAINT "reports_subscriptions_module_id_module_instances_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."module_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports_subscriptions" ADD CONSTRAINT "reports_subscriptions_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports_subscriptions" ADD CONSTRAINT "reports_subscriptions_neighbourhood_id_neighbourhoods_id_fk" FOREIGN KEY ("neighbourhood_id") REFERENCES "public"."neighbourhoods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports_supports" ADD CONSTRAINT "reports_supports_report_id_reports_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports_supports" ADD CONSTRAINT "reports_supports_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports_updates" ADD CONSTRAINT "reports_updates_report_id_reports_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports_updates" ADD CONSTRAINT "reports_updates_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reports_categories_module_id_code_index" ON "reports_categories" USING btree ("module_id","code");--> statement-breakpoint
CREATE INDEX "reports_categories_module_id_parent_id_position_index" ON "reports_categories" USING btree ("module_id","parent_id","position");--> statement-breakpoint
CREATE INDEX "reports_photos_report_id_index" ON "reports_photos" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_photos_file_id_index" ON "reports_photos" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "reports_reports_location_gist" ON "reports_reports" USING gist ("location");--> statement-breakpoint
CREATE INDEX "reports_reports_module_id_state_created_at_index" ON "reports_reports" USING btree ("module_id","state","created_at");--> statement-breakpoint
CREATE INDEX "reports_reports_department_id_state_due_on_index" ON "reports_reports" USING btree ("department_id","state","due_on");--> statement-breakpoint
CREATE INDEX "reports_reports_category_id_created_at_index" ON "reports_reports" USING btree ("category_id","created_at");--> statement-breakpoint
CREATE INDEX "reports_reports_neighbourhood_id_created_at_index" ON "reports_reports" USING btree ("neighbourhood_id","created_at");--> statement-breakpoint
CREATE INDEX "reports_reports_author_id_index" ON "reports_reports" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "reports_reports_assignee_id_index" ON "reports_reports" USING btree ("assignee_id");--> statement-breakpoint
CREATE INDEX "reports_reports_open_lat_lng" ON "reports_reports" USING btree ("module_id","lat","lng") WHERE "state" IN ('new', 'confirmed', 'in_progress') AND "hidden_at" IS NULL;--> statement-breakpoint
CREATE INDEX "reports_reports_visible_lat_lng" ON "reports_reports" USING btree ("module_id","lat","lng") WHERE "hidden_at" IS NULL;--> statement-breakpoint
CREATE INDEX "reports_reports_open_created_at" ON "reports_reports" USING btree ("module_id","created_at") WHERE "state" IN ('new', 'confirmed', 'in_progress') AND "hidden_at" IS NULL;--> statement-breakpoint
CREATE INDEX "reports_subscriptions_neighbourhood_id_index" ON "reports_subscriptions" USING btree ("neighbourhood_id");--> statement-breakpoint
CREATE INDEX "reports_subscriptions_user_id_index" ON "reports_subscriptions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "reports_supports_user_id_index" ON "reports_supports" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "reports_updates_report_id_created_at_index" ON "reports_updates" USING btree ("report_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_updates_api_key_id_external_id_index" ON "reports_updates" USING btree ("api_key_id","external_id");--> statement-breakpoint
CREATE INDEX "reports_updates_created_at_index" ON "reports_updates" USING btree ("created_at");