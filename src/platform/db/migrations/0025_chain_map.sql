CREATE TABLE "chain_map_nodes" (
	"id" serial PRIMARY KEY NOT NULL,
	"map_id" integer NOT NULL,
	"node_code" text NOT NULL,
	"parent_code" text,
	"segment" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"class_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "chain_map_nodes_segment_valid" CHECK ("chain_map_nodes"."segment" in ('upstream','midstream','downstream'))
);
--> statement-breakpoint
CREATE TABLE "chain_maps" (
	"id" serial PRIMARY KEY NOT NULL,
	"industry_code" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"weak_share" numeric DEFAULT 0.05 NOT NULL,
	"supplier_min" integer DEFAULT 3 NOT NULL,
	"created_by" integer,
	"created_by_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" integer,
	"published_by_name" text,
	"published_at" timestamp with time zone,
	"retired_at" timestamp with time zone,
	CONSTRAINT "chain_maps_status_valid" CHECK ("chain_maps"."status" in ('draft','current','retired')),
	CONSTRAINT "chain_maps_weak_share_range" CHECK ("chain_maps"."weak_share" >= 0 and "chain_maps"."weak_share" <= 1),
	CONSTRAINT "chain_maps_supplier_min_range" CHECK ("chain_maps"."supplier_min" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "chain_partner_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"leader_enterprise_id" integer NOT NULL,
	"partner_enterprise_id" integer,
	"partner_name" text,
	"relation" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_by_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chain_partner_links_relation_valid" CHECK ("chain_partner_links"."relation" in ('supplier','customer','partner')),
	CONSTRAINT "chain_partner_links_one_partner" CHECK (("chain_partner_links"."partner_enterprise_id" is null) <> ("chain_partner_links"."partner_name" is null))
);
--> statement-breakpoint
CREATE TABLE "chain_placements" (
	"id" serial PRIMARY KEY NOT NULL,
	"industry_code" text NOT NULL,
	"node_code" text NOT NULL,
	"enterprise_id" integer NOT NULL,
	"mode" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_by_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chain_placements_mode_valid" CHECK ("chain_placements"."mode" in ('include','exclude'))
);
--> statement-breakpoint
CREATE TABLE "chain_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"industry_code" text NOT NULL,
	"node_code" text NOT NULL,
	"platform_id" integer NOT NULL,
	"name" text NOT NULL,
	"uscc" text,
	"origin" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"created_by" integer,
	"created_by_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "chain_targets_status_valid" CHECK ("chain_targets"."status" in ('new','contacting','converted','dropped'))
);
--> statement-breakpoint
ALTER TABLE "chain_map_nodes" ADD CONSTRAINT "chain_map_nodes_map_id_chain_maps_id_fk" FOREIGN KEY ("map_id") REFERENCES "public"."chain_maps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_maps" ADD CONSTRAINT "chain_maps_industry_code_industries_code_fk" FOREIGN KEY ("industry_code") REFERENCES "public"."industries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_partner_links" ADD CONSTRAINT "chain_partner_links_leader_enterprise_id_enterprises_id_fk" FOREIGN KEY ("leader_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_partner_links" ADD CONSTRAINT "chain_partner_links_partner_enterprise_id_enterprises_id_fk" FOREIGN KEY ("partner_enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_placements" ADD CONSTRAINT "chain_placements_industry_code_industries_code_fk" FOREIGN KEY ("industry_code") REFERENCES "public"."industries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_placements" ADD CONSTRAINT "chain_placements_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_targets" ADD CONSTRAINT "chain_targets_industry_code_industries_code_fk" FOREIGN KEY ("industry_code") REFERENCES "public"."industries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_targets" ADD CONSTRAINT "chain_targets_platform_id_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "chain_map_nodes_code_unique" ON "chain_map_nodes" USING btree ("map_id","node_code");--> statement-breakpoint
CREATE UNIQUE INDEX "chain_maps_version_unique" ON "chain_maps" USING btree ("industry_code","version");--> statement-breakpoint
CREATE UNIQUE INDEX "chain_maps_one_current" ON "chain_maps" USING btree ("industry_code") WHERE "chain_maps"."status" = 'current';--> statement-breakpoint
CREATE UNIQUE INDEX "chain_maps_one_draft" ON "chain_maps" USING btree ("industry_code") WHERE "chain_maps"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "chain_partner_links_leader_idx" ON "chain_partner_links" USING btree ("leader_enterprise_id");--> statement-breakpoint
CREATE INDEX "chain_partner_links_partner_idx" ON "chain_partner_links" USING btree ("partner_enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "chain_placements_unique" ON "chain_placements" USING btree ("industry_code","node_code","enterprise_id");--> statement-breakpoint
CREATE INDEX "chain_placements_enterprise_idx" ON "chain_placements" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "chain_targets_platform_idx" ON "chain_targets" USING btree ("platform_id","industry_code");
--> statement-breakpoint
-- The default chain maps of the seven key industries (version 1, current); the task force edits them as new versions.
INSERT INTO chain_maps (industry_code, version, status, note, created_by_name, published_by_name, published_at) VALUES
  ('smart_iot', 1, 'current', '默认图谱：感知—网络—终端—应用', '系统预置', '系统预置', now()),
  ('high_end_equipment', 1, 'current', '默认图谱：基础零部件—整机装备—应用', '系统预置', '系统预置', now()),
  ('biomedicine', 1, 'current', '默认图谱：原料与装备—药品与器械—流通与服务', '系统预置', '系统预置', now()),
  ('new_materials', 1, 'current', '默认图谱：基础原料—关键材料—应用领域', '系统预置', '系统预置', now()),
  ('green_energy', 1, 'current', '默认图谱：材料—装备与电池—应用与运营', '系统预置', '系统预置', now()),
  ('integrated_circuits', 1, 'current', '默认图谱：EDA/IP、材料、设备—设计、制造、封测—应用', '系统预置', '系统预置', now()),
  ('artificial_intelligence', 1, 'current', '默认图谱：基础层—技术层—应用层', '系统预置', '系统预置', now());
--> statement-breakpoint
INSERT INTO chain_map_nodes (map_id, node_code, parent_code, segment, name_zh, name_en, class_codes, sort)
SELECT m.id, v.node_code, v.parent_code, v.segment, v.name_zh, v.name_en, v.class_codes::text[], v.sort
FROM (VALUES
  ('smart_iot', 'IOT-U01', NULL, 'upstream', '传感器与敏感元件', 'Sensors and sensing elements', '{3983}', 10),
  ('smart_iot', 'IOT-U02', NULL, 'upstream', '电子元器件', 'Electronic components', '{3981,3982,3989}', 20),
  ('smart_iot', 'IOT-U03', NULL, 'upstream', '光电子与显示器件', 'Optoelectronics and displays', '{3974,3976}', 30),
  ('smart_iot', 'IOT-U04', NULL, 'upstream', '通信芯片与模组', 'Communication chips and modules', '{3979}', 40),
  ('smart_iot', 'IOT-M01', NULL, 'midstream', '通信网络设备', 'Network and communication equipment', '{3921,3832,3833}', 50),
  ('smart_iot', 'IOT-M02', NULL, 'midstream', '智能终端', 'Smart terminals', '{3922,3961}', 60),
  ('smart_iot', 'IOT-M03', NULL, 'midstream', '计算机与服务器', 'Computers and servers', '{3911,3912,3913}', 70),
  ('smart_iot', 'IOT-M04', NULL, 'midstream', '视频安防', 'Video surveillance and security', '{3939,3915}', 80),
  ('smart_iot', 'IOT-M05', NULL, 'midstream', '工业控制与仪器仪表', 'Industrial control and instruments', '{3914,4011,4028}', 90),
  ('smart_iot', 'IOT-D01', NULL, 'downstream', '智能家居', 'Smart home', '{3969,3874}', 100),
  ('smart_iot', 'IOT-D02', NULL, 'downstream', '车联网', 'Connected vehicles', '{3962}', 110),
  ('smart_iot', 'IOT-D03', NULL, 'downstream', '智慧城市解决方案', 'Smart city solutions', '{}', 120),
  ('smart_iot', 'IOT-D04', NULL, 'downstream', '工业互联网平台', 'Industrial internet platforms', '{}', 130),
  ('high_end_equipment', 'HEE-U01', NULL, 'upstream', '核心基础零部件', 'Core basic components', '{3451,3453,3444}', 10),
  ('high_end_equipment', 'HEE-U02', NULL, 'upstream', '工业母机', 'Machine tools', '{3421,3422,3425}', 20),
  ('high_end_equipment', 'HEE-U03', NULL, 'upstream', '数控系统与传感', 'CNC systems and sensing', '{4011}', 30),
  ('high_end_equipment', 'HEE-M01', NULL, 'midstream', '工业机器人', 'Industrial robots', '{3491}', 40),
  ('high_end_equipment', 'HEE-M02', NULL, 'midstream', '增材制造装备', 'Additive manufacturing equipment', '{3493}', 50),
  ('high_end_equipment', 'HEE-M03', NULL, 'midstream', '轨道交通装备', 'Rail transit equipment', '{3711,3712,3714,3715,3716,3720}', 60),
  ('high_end_equipment', 'HEE-M04', NULL, 'midstream', '航空航天装备', 'Aerospace equipment', '{3741,3742,3743,3744}', 70),
  ('high_end_equipment', 'HEE-M05', NULL, 'midstream', '海洋工程装备', 'Marine engineering equipment', '{3737,3734}', 80),
  ('high_end_equipment', 'HEE-M06', NULL, 'midstream', '智能电网装备', 'Smart grid equipment', '{3821,3822,3823,3824}', 90),
  ('high_end_equipment', 'HEE-D01', NULL, 'downstream', '整车制造', 'Vehicle manufacturing', '{3611}', 100),
  ('high_end_equipment', 'HEE-D02', NULL, 'downstream', '汽车零部件', 'Automotive parts', '{3670}', 110),
  ('high_end_equipment', 'HEE-D03', NULL, 'downstream', '工程机械', 'Construction machinery', '{3514,3517}', 120),
  ('biomedicine', 'BIO-U01', NULL, 'upstream', '原料药与中间体', 'APIs and intermediates', '{2710}', 10),
  ('biomedicine', 'BIO-U02', NULL, 'upstream', '药用辅料与包装材料', 'Excipients and packaging', '{2780}', 20),
  ('biomedicine', 'BIO-U03', NULL, 'upstream', '制药装备', 'Pharmaceutical equipment', '{3544}', 30),
  ('biomedicine', 'BIO-U04', NULL, 'upstream', '研发外包（CRO/CDMO）', 'Contract research and manufacturing (CRO/CDMO)', '{}', 40),
  ('biomedicine', 'BIO-M01', NULL, 'midstream', '化学药制剂', 'Chemical drug formulations', '{2720}', 50),
  ('biomedicine', 'BIO-M02', NULL, 'midstream', '生物药', 'Biologics', '{2761}', 60),
  ('biomedicine', 'BIO-M03', NULL, 'midstream', '基因工程药物与疫苗', 'Genetically engineered drugs and vaccines', '{2762}', 70),
  ('biomedicine', 'BIO-M04', NULL, 'midstream', '现代中药', 'Modern Chinese medicine', '{2730,2740}', 80),
  ('biomedicine', 'BIO-M05', NULL, 'midstream', '医疗器械', 'Medical devices', '{}', 90),
  ('biomedicine', 'BIO-M05-01', 'BIO-M05', 'midstream', '诊断与治疗设备', 'Diagnostic and therapeutic equipment', '{3581,3583}', 100),
  ('biomedicine', 'BIO-M05-02', 'BIO-M05', 'midstream', '高值医用耗材与器械', 'High-value consumables and instruments', '{3584,3589,2770}', 110),
  ('biomedicine', 'BIO-M05-03', 'BIO-M05', 'midstream', '口腔与眼科器械', 'Dental and ophthalmic devices', '{3582,3587}', 120),
  ('biomedicine', 'BIO-D01', NULL, 'downstream', '康复与护理', 'Rehabilitation and care', '{3585,3586}', 130),
  ('biomedicine', 'BIO-D02', NULL, 'downstream', '医药流通与健康服务', 'Pharmaceutical distribution and health services', '{}', 140),
  ('new_materials', 'NM-U01', NULL, 'upstream', '基础化工原料', 'Basic chemical feedstocks', '{2614,2619}', 10),
  ('new_materials', 'NM-U02', NULL, 'upstream', '稀有稀土金属', 'Rare and rare-earth metals', '{3231,3232,3239}', 20),
  ('new_materials', 'NM-M01', NULL, 'midstream', '高性能纤维', 'High-performance fibres', '{2826,2829,2831}', 30),
  ('new_materials', 'NM-M02', NULL, 'midstream', '先进高分子材料', 'Advanced polymers', '{2651,2652,2659}', 40),
  ('new_materials', 'NM-M03', NULL, 'midstream', '电子专用材料', 'Electronic materials', '{3985}', 50),
  ('new_materials', 'NM-M04', NULL, 'midstream', '特种玻璃与先进陶瓷', 'Special glass and advanced ceramics', '{3042,3051,3052,3073}', 60),
  ('new_materials', 'NM-M05', NULL, 'midstream', '先进金属材料', 'Advanced metallic materials', '{3240,3254}', 70),
  ('new_materials', 'NM-M06', NULL, 'midstream', '碳材料与复合材料', 'Carbon and composite materials', '{3091,3061,3062}', 80),
  ('new_materials', 'NM-M07', NULL, 'midstream', '生物基材料', 'Bio-based materials', '{2832}', 90),
  ('new_materials', 'NM-D01', NULL, 'downstream', '新能源与储能', 'New energy and storage', '{3841}', 100),
  ('new_materials', 'NM-D02', NULL, 'downstream', '航空航天', 'Aerospace', '{3741,3744}', 110),
  ('new_materials', 'NM-D03', NULL, 'downstream', '建筑节能', 'Energy-efficient buildings', '{3034}', 120),
  ('green_energy', 'GE-U01', NULL, 'upstream', '光伏硅材料', 'Photovoltaic silicon', '{3218}', 10),
  ('green_energy', 'GE-U02', NULL, 'upstream', '锂电材料', 'Lithium battery materials', '{2613}', 20),
  ('green_energy', 'GE-U03', NULL, 'upstream', '风电零部件', 'Wind turbine components', '{3453}', 30),
  ('green_energy', 'GE-M01', NULL, 'midstream', '光伏电池与组件', 'PV cells and modules', '{3825}', 40),
  ('green_energy', 'GE-M02', NULL, 'midstream', '风电整机', 'Wind turbines', '{3415}', 50),
  ('green_energy', 'GE-M03', NULL, 'midstream', '锂离子电池', 'Lithium-ion batteries', '{3841}', 60),
  ('green_energy', 'GE-M04', NULL, 'midstream', '储能与其他电池', 'Energy storage and other batteries', '{3842,3843,3849}', 70),
  ('green_energy', 'GE-M05', NULL, 'midstream', '氢能与燃料电池', 'Hydrogen and fuel cells', '{}', 80),
  ('green_energy', 'GE-M06', NULL, 'midstream', '水电装备', 'Hydropower equipment', '{3414}', 90),
  ('green_energy', 'GE-D01', NULL, 'downstream', '新能源汽车', 'New energy vehicles', '{3612}', 100),
  ('green_energy', 'GE-D02', NULL, 'downstream', '充换电设施', 'Charging and battery swapping', '{}', 110),
  ('green_energy', 'GE-D03', NULL, 'downstream', '太阳能热利用', 'Solar thermal', '{3862}', 120),
  ('green_energy', 'GE-D04', NULL, 'downstream', '新能源发电运营', 'Renewable power operation', '{}', 130),
  ('integrated_circuits', 'IC-U01', NULL, 'upstream', 'EDA 与 IP 核', 'EDA and IP cores', '{}', 10),
  ('integrated_circuits', 'IC-U02', NULL, 'upstream', '半导体材料', 'Semiconductor materials', '{3985}', 20),
  ('integrated_circuits', 'IC-U02-01', 'IC-U02', 'upstream', '硅片与衬底', 'Wafers and substrates', '{3218}', 30),
  ('integrated_circuits', 'IC-U02-02', 'IC-U02', 'upstream', '电子化学品与气体', 'Electronic chemicals and gases', '{2661}', 40),
  ('integrated_circuits', 'IC-U03', NULL, 'upstream', '半导体设备', 'Semiconductor equipment', '{3562}', 50),
  ('integrated_circuits', 'IC-M01', NULL, 'midstream', '芯片设计', 'Chip design', '{}', 60),
  ('integrated_circuits', 'IC-M02', NULL, 'midstream', '晶圆制造', 'Wafer fabrication', '{3973}', 70),
  ('integrated_circuits', 'IC-M03', NULL, 'midstream', '封装测试', 'Packaging and testing', '{}', 80),
  ('integrated_circuits', 'IC-M04', NULL, 'midstream', '分立器件与功率半导体', 'Discrete and power semiconductors', '{3972}', 90),
  ('integrated_circuits', 'IC-D01', NULL, 'downstream', '通信设备', 'Communication equipment', '{3921}', 100),
  ('integrated_circuits', 'IC-D02', NULL, 'downstream', '汽车电子', 'Automotive electronics', '{3962}', 110),
  ('integrated_circuits', 'IC-D03', NULL, 'downstream', '工业控制', 'Industrial control', '{3914}', 120),
  ('integrated_circuits', 'IC-D04', NULL, 'downstream', '消费电子', 'Consumer electronics', '{3922,3961}', 130),
  ('artificial_intelligence', 'AI-U01', NULL, 'upstream', '人工智能芯片', 'AI chips', '{}', 10),
  ('artificial_intelligence', 'AI-U02', NULL, 'upstream', '算力与服务器', 'Computing power and servers', '{3919}', 20),
  ('artificial_intelligence', 'AI-U03', NULL, 'upstream', '智能传感与视觉', 'Smart sensing and vision', '{3983}', 30),
  ('artificial_intelligence', 'AI-U04', NULL, 'upstream', '数据与算法框架', 'Data and algorithm frameworks', '{}', 40),
  ('artificial_intelligence', 'AI-M01', NULL, 'midstream', '计算机视觉', 'Computer vision', '{}', 50),
  ('artificial_intelligence', 'AI-M02', NULL, 'midstream', '语音与自然语言处理', 'Speech and natural language processing', '{}', 60),
  ('artificial_intelligence', 'AI-M03', NULL, 'midstream', '大模型', 'Large models', '{}', 70),
  ('artificial_intelligence', 'AI-D01', NULL, 'downstream', '工业机器人', 'Industrial robots', '{3491}', 80),
  ('artificial_intelligence', 'AI-D02', NULL, 'downstream', '特种作业机器人', 'Special-purpose robots', '{3492}', 90),
  ('artificial_intelligence', 'AI-D03', NULL, 'downstream', '服务机器人', 'Service robots', '{3964}', 100),
  ('artificial_intelligence', 'AI-D04', NULL, 'downstream', '智能无人机', 'Intelligent drones', '{3963}', 110),
  ('artificial_intelligence', 'AI-D05', NULL, 'downstream', '智能网联汽车', 'Intelligent connected vehicles', '{3962}', 120)
) AS v(industry_code, node_code, parent_code, segment, name_zh, name_en, class_codes, sort)
JOIN chain_maps m ON m.industry_code = v.industry_code AND m.version = 1;
