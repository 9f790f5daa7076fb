CREATE TABLE "comment_blocks" (
	"user_id" text PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"blocked_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comment_counts" (
	"resource_type" text NOT NULL,
	"resource_id" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"for_count" integer DEFAULT 0 NOT NULL,
	"against_count" integer DEFAULT 0 NOT NULL,
	"neutral_count" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comment_counts_resource_type_resource_id_pk" PRIMARY KEY("resource_type","resource_id")
);
--> statement-breakpoint
CREATE TABLE "comment_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"comment_id" text NOT NULL,
	"user_id" text,
	"reason" text NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"resolution" text,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comment_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"comment_id" text NOT NULL,
	"body" text NOT NULL,
	"alignment" text NOT NULL,
	"written_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comment_votes" (
	"comment_id" text NOT NULL,
	"user_id" text NOT NULL,
	"value" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comment_votes_comment_id_user_id_pk" PRIMARY KEY("comment_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" text PRIMARY KEY NOT NULL,
	"resource_type" text NOT NULL,
	"resource_id" text NOT NULL,
	"space_id" text,
	"module_id" text,
	"parent_id" text,
	"root_id" text NOT NULL,
	"depth" smallint NOT NULL,
	"author_id" text,
	"alignment" text DEFAULT 'neutral' NOT NULL,
	"body" text NOT NULL,
	"mentions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'visible' NOT NULL,
	"hidden_reason" text,
	"hidden_at" timestamp with time zone,
	"hidden_by" text,
	"auto_hidden" boolean DEFAULT false NOT NULL,
	"deleted_at" timestamp with time zone,
	"edited_at" timestamp with time zone,
	"up_votes" integer DEFAULT 0 NOT NULL,
	"down_votes" integer DEFAULT 0 NOT NULL,
	"reply_count" integer DEFAULT 0 NOT NULL,
	"open_reports" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resource_links" (
	"id" text PRIMARY KEY NOT NULL,
	"from_type" text NOT NULL,
	"from_id" text NOT NULL,
	"to_type" text NOT NULL,
	"to_id" text NOT NULL,
	"kind" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultations_annual_reports" (
	"year" integer PRIMARY KEY NOT NULL,
	"meeting_participants" integer,
	"court_cases" text DEFAULT '' NOT NULL,
	"evaluation" text DEFAULT '' NOT NULL,
	"closed_meetings" text DEFAULT '' NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultations_consultations" (
	"id" text PRIMARY KEY NOT NULL,
	"module_id" text NOT NULL,
	"draft_title" jsonb NOT NULL,
	"explanatory_note" jsonb NOT NULL,
	"impact_study" jsonb NOT NULL,
	"draft_text" jsonb NOT NULL,
	"explanatory_note_file_id" text,
	"impact_study_file_id" text,
	"draft_file_id" text,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_email" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"postal_address" text DEFAULT '' NOT NULL,
	"published_on" date,
	"recommendations_close_on" date,
	"approval_on" date,
	"shortened_reason" text,
	"recommendations_count" integer DEFAULT 0 NOT NULL,
	"synthesis" jsonb,
	"synthesis_published_at" timestamp with time zone,
	"final_act_file_id" text,
	"final_act_number" text,
	"final_act_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultations_consultations_moduleId_unique" UNIQUE("module_id")
);
--> statement-breakpoint
CREATE TABLE "consultations_debate_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"consultation_id" text NOT NULL,
	"requester_id" text,
	"organisation_name" text NOT NULL,
	"organisation_registration" text DEFAULT '' NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"requested_on" date NOT NULL,
	"debate_at" timestamp with time zone,
	"debate_place" text,
	"meeting_id" text,
	"scheduled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultations_recommendations" (
	"id" text PRIMARY KEY NOT NULL,
	"consultation_id" text NOT NULL,
	"number" integer NOT NULL,
	"received_on" date NOT NULL,
	"channel" text NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"author_name" text NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"user_id" text,
	"text" text NOT NULL,
	"article" text DEFAULT '' NOT NULL,
	"outcome" text,
	"outcome_reason" text DEFAULT '' NOT NULL,
	"outcome_at" timestamp with time zone,
	"entered_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings_meetings" (
	"id" text PRIMARY KEY NOT NULL,
	"module_id" text NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"type" text DEFAULT 'in_person' NOT NULL,
	"address" text,
	"neighbourhood_id" text,
	"lat" double precision,
	"lng" double precision,
	"online_url" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"agenda" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"capacity" integer,
	"registration_enabled" boolean DEFAULT true NOT NULL,
	"registration_opens_at" timestamp with time zone,
	"registration_closes_at" timestamp with time zone,
	"is_public" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"notice_override_reason" text,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"speaker_registration" boolean DEFAULT false NOT NULL,
	"speaker_slots" integer,
	"speaker_minutes" integer DEFAULT 3 NOT NULL,
	"rules" jsonb,
	"minutes" jsonb,
	"minutes_file_id" text,
	"attendance_count" integer,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings_registrations" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"user_id" text,
	"status" text NOT NULL,
	"code" text NOT NULL,
	"waiting_since" timestamp with time zone,
	"speaker_point" text,
	"speaker_since" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "news_posts" (
	"id" text PRIMARY KEY NOT NULL,
	"module_id" text NOT NULL,
	"title" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"image_file_id" text,
	"image_alt" jsonb,
	"pinned" boolean DEFAULT false NOT NULL,
	"publish_at" timestamp with time zone,
	"announced_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals_categories" (
	"id" text PRIMARY KEY NOT NULL,
	"module_id" text NOT NULL,
	"name" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals_evaluators" (
	"proposal_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposals_evaluators_proposal_id_user_id_pk" PRIMARY KEY("proposal_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "proposals_events" (
	"id" text PRIMARY KEY NOT NULL,
	"proposal_id" text NOT NULL,
	"kind" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals_files" (
	"proposal_id" text NOT NULL,
	"file_id" text NOT NULL,
	"kind" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "proposals_files_proposal_id_file_id_pk" PRIMARY KEY("proposal_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "proposals_notes" (
	"id" text PRIMARY KEY NOT NULL,
	"proposal_id" text NOT NULL,
	"author_id" text,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals_proposals" (
	"id" text PRIMARY KEY NOT NULL,
	"module_id" text NOT NULL,
	"author_id" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"category_id" text,
	"neighbourhood_id" text,
	"address" text,
	"latitude" double precision,
	"longitude" double precision,
	"state" text DEFAULT 'published' NOT NULL,
	"custom_state_id" text,
	"answer" jsonb,
	"answered_at" timestamp with time zone,
	"cost_estimate" integer,
	"supports_count" integer DEFAULT 0 NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"edited_at" timestamp with time zone,
	"submission_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('ro_unaccent'::regconfig, coalesce("proposals_proposals"."title", '')), 'A') || setweight(to_tsvector('ro_unaccent'::regconfig, coalesce("proposals_proposals"."body", '')), 'D')) STORED
);
--> statement-breakpoint
CREATE TABLE "proposals_states" (
	"id" text PRIMARY KEY NOT NULL,
	"module_id" text NOT NULL,
	"name" jsonb NOT NULL,
	"colour" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals_supports" (
	"proposal_id" text NOT NULL,
	"user_id" text NOT NULL,
	"module_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposals_supports_proposal_id_user_id_pk" PRIMARY KEY("proposal_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "surveys_questions" (
	"id" text PRIMARY KEY NOT NULL,
	"module_id" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"type" text NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"config" jsonb NOT NULL,
	"condition" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys_responses" (
	"id" text PRIMARY KEY NOT NULL,
	"module_id" text NOT NULL,
	"respondent_id" text,
	"answers" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys_surveys" (
	"module_id" text PRIMARY KEY NOT NULL,
	"description" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "comment_blocks" ADD CONSTRAINT "comment_blocks_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_reports" ADD CONSTRAINT "comment_reports_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_reports" ADD CONSTRAINT "comment_reports_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_versions" ADD CONSTRAINT "comment_versions_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_votes" ADD CONSTRAINT "comment_votes_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_votes" ADD CONSTRAINT "comment_votes_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations_annual_reports" ADD CONSTRAINT "consultations_annual_reports_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations_consultations" ADD CONSTRAINT "consultations_consultations_module_id_module_instances_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."module_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations_debate_requests" ADD CONSTRAINT "consultations_debate_requests_consultation_id_consultations_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations_consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations_debate_requests" ADD CONSTRAINT "consultations_debate_requests_requester_id_user_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations_recommendations" ADD CONSTRAINT "consultations_recommendations_consultation_id_consultations_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations_consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations_recommendations" ADD CONSTRAINT "consultations_recommendations_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations_recommendations" ADD CONSTRAINT "consultations_recommendations_entered_by_user_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings_meetings" ADD CONSTRAINT "meetings_meetings_module_id_module_instances_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."module_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings_meetings" ADD CONSTRAINT "meetings_meetings_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings_meetings" ADD CONSTRAINT "meetings_meetings_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings_registrations" ADD CONSTRAINT "meetings_registrations_meeting_id_meetings_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings_registrations" ADD CONSTRAINT "meetings_registrations_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_posts" ADD CONSTRAINT "news_posts_module_id_module_instances_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."module_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_posts" ADD CONSTRAINT "news_posts_image_file_id_files_id_fk" FOREIGN KEY ("image_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_posts" ADD CONSTRAINT "news_posts_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_posts" ADD CONSTRAINT "news_posts_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals_categories" ADD CONSTRAINT "proposals_categories_module_id_module_instances_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."module_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals_evaluators" ADD CONSTRAINT "proposals_evaluators_proposal_id_proposals_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals_evaluators" ADD CONSTRAINT "proposals_evaluators_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals_events" ADD CONSTRAINT "proposals_events_proposal_id_proposals_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals_files" ADD CONSTRAINT "proposals_files_proposal_id_proposals_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals_files" ADD CONSTRAINT "proposals_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals_notes" ADD CONSTRAINT "proposals_notes_proposal_id_proposals_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals_notes" ADD CONSTRAINT "proposals_notes_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals_proposals" ADD CONSTRAINT "proposals_proposals_module_id_module_instances_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."module_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals_proposals" ADD CONSTRAINT "proposals_proposals_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals_proposals" ADD CONSTRAINT "proposals_proposals_category_id_proposals_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."proposals_categories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals_proposals" ADD CONSTRAINT "proposals_proposals_neighbourhood_id_neighbourhoods_id_fk" FOREIGN KEY ("neighbourhood_id") REFERENCES "public"."neighbourhoods"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals_proposals" ADD CONSTRAINT "proposals_proposals_custom_state_id_proposals_states_id_fk" FOREIGN KEY ("custom_state_id") REFERENCES "public"."proposals_states"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals_states" ADD CONSTRAINT "proposals_states_module_id_module_instances_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."module_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals_supports" ADD CONSTRAINT "proposals_supports_proposal_id_proposals_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals_supports" ADD CONSTRAINT "proposals_supports_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals_supports" ADD CONSTRAINT "proposals_supports_module_id_module_instances_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."module_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys_questions" ADD CONSTRAINT "surveys_questions_module_id_module_instances_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."module_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys_responses" ADD CONSTRAINT "surveys_responses_module_id_module_instances_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."module_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys_responses" ADD CONSTRAINT "surveys_responses_respondent_id_user_id_fk" FOREIGN KEY ("respondent_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys_surveys" ADD CONSTRAINT "surveys_surveys_module_id_module_instances_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."module_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "comment_reports_comment_id_user_id_index" ON "comment_reports" USING btree ("comment_id","user_id");--> statement-breakpoint
CREATE INDEX "comment_reports_user_id_index" ON "comment_reports" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "comment_versions_comment_id_created_at_index" ON "comment_versions" USING btree ("comment_id","created_at");--> statement-breakpoint
CREATE INDEX "comment_votes_user_id_index" ON "comment_votes" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "comments_threads_created_idx" ON "comments" USING btree ("resource_type","resource_id","created_at") WHERE "comments"."parent_id" is null;--> statement-breakpoint
CREATE INDEX "comments_threads_votes_idx" ON "comments" USING btree ("resource_type","resource_id",("up_votes" - "down_votes") desc,"created_at") WHERE "comments"."parent_id" is null;--> statement-breakpoint
CREATE INDEX "comments_root_idx" ON "comments" USING btree ("root_id","created_at");--> statement-breakpoint
CREATE INDEX "comments_parent_idx" ON "comments" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "comments_author_idx" ON "comments" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "comments_moderation_idx" ON "comments" USING btree ("space_id","updated_at") WHERE "comments"."open_reports" > 0 or "comments"."status" = 'hidden';--> statement-breakpoint
CREATE UNIQUE INDEX "resource_links_from_type_from_id_to_type_to_id_kind_index" ON "resource_links" USING btree ("from_type","from_id","to_type","to_id","kind");--> statement-breakpoint
CREATE INDEX "resource_links_to_type_to_id_index" ON "resource_links" USING btree ("to_type","to_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultations_debate_requests_consultation_id_requester_id_index" ON "consultations_debate_requests" USING btree ("consultation_id","requester_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultations_recommendations_consultation_id_number_index" ON "consultations_recommendations" USING btree ("consultation_id","number");--> statement-breakpoint
CREATE INDEX "consultations_recommendations_user_id_index" ON "consultations_recommendations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "meetings_meetings_module_id_starts_at_index" ON "meetings_meetings" USING btree ("module_id","starts_at");--> statement-breakpoint
CREATE INDEX "meetings_meetings_status_starts_at_index" ON "meetings_meetings" USING btree ("status","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_registrations_meeting_id_user_id_index" ON "meetings_registrations" USING btree ("meeting_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_registrations_code_index" ON "meetings_registrations" USING btree ("code");--> statement-breakpoint
CREATE INDEX "meetings_registrations_meeting_id_status_waiting_since_index" ON "meetings_registrations" USING btree ("meeting_id","status","waiting_since");--> statement-breakpoint
CREATE INDEX "news_posts_module_id_pinned_publish_at_index" ON "news_posts" USING btree ("module_id","pinned","publish_at");--> statement-breakpoint
CREATE INDEX "news_posts_unannounced_idx" ON "news_posts" USING btree ("publish_at") WHERE "news_posts"."announced_at" IS NULL AND "news_posts"."publish_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "proposals_categories_module_id_position_index" ON "proposals_categories" USING btree ("module_id","position");--> statement-breakpoint
CREATE INDEX "proposals_evaluators_user_id_index" ON "proposals_evaluators" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "proposals_events_proposal_id_created_at_index" ON "proposals_events" USING btree ("proposal_id","created_at");--> statement-breakpoint
CREATE INDEX "proposals_files_file_id_index" ON "proposals_files" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "proposals_notes_proposal_id_created_at_index" ON "proposals_notes" USING btree ("proposal_id","created_at");--> statement-breakpoint
CREATE INDEX "proposals_proposals_module_id_created_at_index" ON "proposals_proposals" USING btree ("module_id","created_at");--> statement-breakpoint
CREATE INDEX "proposals_proposals_listed_idx" ON "proposals_proposals" USING btree ("module_id","created_at") WHERE "proposals_proposals"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "proposals_proposals_module_id_supports_count_created_at_index" ON "proposals_proposals" USING btree ("module_id","supports_count","created_at");--> statement-breakpoint
CREATE INDEX "proposals_proposals_module_id_neighbourhood_id_index" ON "proposals_proposals" USING btree ("module_id","neighbourhood_id");--> statement-breakpoint
CREATE INDEX "proposals_proposals_module_id_category_id_index" ON "proposals_proposals" USING btree ("module_id","category_id");--> statement-breakpoint
CREATE INDEX "proposals_proposals_module_id_state_index" ON "proposals_proposals" USING btree ("module_id","state");--> statement-breakpoint
CREATE INDEX "proposals_proposals_author_id_index" ON "proposals_proposals" USING btree ("author_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_proposals_author_id_submission_key_index" ON "proposals_proposals" USING btree ("author_id","submission_key");--> statement-breakpoint
CREATE INDEX "proposals_proposals_search_index" ON "proposals_proposals" USING gin ("search");--> statement-breakpoint
CREATE INDEX "proposals_states_module_id_position_index" ON "proposals_states" USING btree ("module_id","position");--> statement-breakpoint
CREATE INDEX "proposals_supports_module_id_user_id_index" ON "proposals_supports" USING btree ("module_id","user_id");--> statement-breakpoint
CREATE INDEX "proposals_supports_user_id_index" ON "proposals_supports" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "surveys_questions_module_id_position_index" ON "surveys_questions" USING btree ("module_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_responses_module_id_respondent_id_index" ON "surveys_responses" USING btree ("module_id","respondent_id");