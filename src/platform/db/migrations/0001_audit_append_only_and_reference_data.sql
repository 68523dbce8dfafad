-- The audit trail is append-only: the application never updates or deletes it.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
-- Reference data: Hangzhou's county-level divisions (GB/T 2260).
INSERT INTO districts (code, name_zh, name_en, sort) VALUES
  ('330102', '上城区', 'Shangcheng', 1),
  ('330105', '拱墅区', 'Gongshu', 2),
  ('330106', '西湖区', 'Xihu', 3),
  ('330108', '滨江区', 'Binjiang', 4),
  ('330109', '萧山区', 'Xiaoshan', 5),
  ('330110', '余杭区', 'Yuhang', 6),
  ('330111', '富阳区', 'Fuyang', 7),
  ('330112', '临安区', 'Lin''an', 8),
  ('330113', '临平区', 'Linping', 9),
  ('330114', '钱塘区', 'Qiantang', 10),
  ('330122', '桐庐县', 'Tonglu', 11),
  ('330127', '淳安县', 'Chun''an', 12),
  ('330182', '建德市', 'Jiande', 13);
--> statement-breakpoint
-- The plan's key industries (§1): five characteristic and two forward-looking, plus 其他.
INSERT INTO industries (code, name_zh, name_en, is_key, sort) VALUES
  ('smart_iot', '智能物联', 'Smart IoT', true, 1),
  ('high_end_equipment', '高端装备', 'High-end equipment', true, 2),
  ('biomedicine', '生物医药', 'Biomedicine', true, 3),
  ('new_materials', '新材料', 'New materials', true, 4),
  ('green_energy', '绿色能源', 'Green energy', true, 5),
  ('integrated_circuits', '集成电路', 'Integrated circuits', true, 6),
  ('artificial_intelligence', '人工智能', 'Artificial intelligence', true, 7),
  ('other', '其他', 'Other', false, 99);
--> statement-breakpoint
INSERT INTO platform_types (code, name_zh, name_en, sort) VALUES
  ('national_etdz', '国家级经济技术开发区', 'National economic and technological development zone', 1),
  ('national_hitech', '国家级高新技术产业开发区', 'National high-tech industrial development zone', 2),
  ('provincial_etdz', '省级经济开发区', 'Provincial economic development zone', 3),
  ('provincial_hitech', '省级高新技术产业园区', 'Provincial high-tech industrial park', 4),
  ('bonded_zone', '综合保税区', 'Comprehensive bonded zone', 5),
  ('industrial_park', '产业园区', 'Industrial park', 6),
  ('other', '其他', 'Other', 99);
